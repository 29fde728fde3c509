/**
 * The benchmark scenarios, one sub-package each: proxy overhead, cold start, burst from zero,
 * autoscale step, memory. Each starts what it measures, writes {@code result.json} and {@code
 * report.html} to its results folder and stops everything it started.
 */
package io.zeroscale.loadtest.scenario;
