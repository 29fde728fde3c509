/**
 * The local function catalog: one YAML file per function under {@code <dataDir>/functions}, so that
 * functions survive a platform restart. Changes reach watchers in order, on a thread of the
 * catalog's own.
 */
package io.zeroscale.local.catalog;
