/**
 * The processes a benchmark starts — the platform, nginx, HAProxy, wrk, a bare function — and how
 * they are stopped: every one is registered in {@link
 * io.zeroscale.loadtest.process.ChildProcesses}, which stops them at the end of a run and on
 * Ctrl-C.
 */
package io.zeroscale.loadtest.process;
