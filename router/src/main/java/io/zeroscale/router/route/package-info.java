/**
 * The routing table: which function a request addresses (path or Host header), that function's
 * settings and ready replicas, and the least-in-flight pick that respects the hard concurrency
 * limit. It follows the catalog and the endpoints through their watches. Replicas are kept in one
 * table-wide index, so their in-flight counts outlive endpoint removal and function deletion.
 */
package io.zeroscale.router.route;
