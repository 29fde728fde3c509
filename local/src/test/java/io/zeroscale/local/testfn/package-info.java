/**
 * A function process for the tests: real HTTP on {@code $PORT}, with knobs to start slowly, fail at
 * once or answer slowly.
 */
package io.zeroscale.local.testfn;
