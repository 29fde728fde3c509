/**
 * The single-machine backend: functions as files under a data directory, replicas as child
 * processes of the platform. {@link io.zeroscale.local.LocalBackendConfig} holds every setting; the
 * catalog, the orchestrator and the replica logs live in their own packages.
 */
package io.zeroscale.local;
