/**
 * The baselines zeroscale is compared with: nginx and HAProxy from Debian's packages as keep-alive
 * reverse proxies in front of the same function replica, and wrk as a second load generator.
 * Missing packages are installed with apt-get by the scenario itself.
 */
package io.zeroscale.loadtest.baseline;
