/**
 * The benchmark's settings in one place: every scenario's sizes and durations, as a full run (the
 * figures in RESULTS.md) and as a seconds-long smoke run (the module's tests).
 */
package io.zeroscale.loadtest.config;
