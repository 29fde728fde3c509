/**
 * In-memory implementations of the SPI for other modules' tests (published as the api test-jar):
 * they are our own interfaces, so a faithful fake is the real thing for a test of the data path or
 * the autoscaler. Backends with real processes are tested in {@code local}.
 */
package io.zeroscale.api.testing;
