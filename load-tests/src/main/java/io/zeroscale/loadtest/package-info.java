/**
 * The benchmark command, {@code load-tests/bench <scenario>|all}: runs scenarios that compare
 * zeroscale with direct calls, nginx and HAProxy, and writes JSON and HTML results under {@code
 * load-tests/target/results/}.
 */
package io.zeroscale.loadtest;
