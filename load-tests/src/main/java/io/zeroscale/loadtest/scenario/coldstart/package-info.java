/**
 * Cold start: how long a request to a function at zero waits for its answer, next to how long the
 * function's own process takes from start to ready; the difference is the platform's overhead.
 */
package io.zeroscale.loadtest.scenario.coldstart;
