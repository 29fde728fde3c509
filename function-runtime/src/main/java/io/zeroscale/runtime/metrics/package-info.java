/**
 * Request metrics of one replica, in the platform's naming, exported when the function brings a
 * Micrometer registry. The platform's router measures the same requests from outside; these add the
 * replica's own view (time spent inside it, what it refused).
 */
package io.zeroscale.runtime.metrics;
