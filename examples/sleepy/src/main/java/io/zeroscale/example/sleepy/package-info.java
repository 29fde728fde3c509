/**
 * The {@code sleepy} example function: answers after a delay and a CPU burn, both configurable per
 * request. It is the workload of the load tests, where a request's cost must be known.
 */
package io.zeroscale.example.sleepy;
