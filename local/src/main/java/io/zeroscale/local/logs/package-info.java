/**
 * Replica output: one file per replica under {@code <dataDir>/logs/<namespace>/<name>/}, the last
 * lines of a function across its replicas for {@code zeroscale logs}, and pruning of old files.
 */
package io.zeroscale.local.logs;
