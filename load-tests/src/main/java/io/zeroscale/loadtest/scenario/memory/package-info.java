/**
 * Memory: the resident memory of the platform process (all roles, local backend; replicas are
 * separate processes and not counted) empty, idle with 100 functions deployed at zero, and under
 * the proxy load.
 */
package io.zeroscale.loadtest.scenario.memory;
