package io.zeroscale.example.sleepy;

/**
 * What sleepy answers.
 *
 * @param sleptMs how long the request slept, measured
 * @param cpuMs how much CPU time the request burnt, measured on its thread
 * @param replica the replica that answered ({@code ZEROSCALE_REPLICA}), or {@code unknown}
 */
public record SleepyAnswer(long sleptMs, long cpuMs, String replica) {}
