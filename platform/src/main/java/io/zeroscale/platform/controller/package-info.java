/**
 * The controller role: turns each function in the catalog into running replicas through the {@code
 * Orchestrator}, and writes what it observes back as the function's status.
 */
package io.zeroscale.platform.controller;
