/**
 * The load generator: open loop at a constant arrival rate with latency measured from each
 * request's intended send time (coordinated omission corrected, like wrk2), and closed loop with N
 * concurrent clients. Both run on Vert.x's HTTP client and record into HdrHistogram.
 */
package io.zeroscale.loadtest.generator;
