/**
 * The control REST API under {@code /api/v1}: create, replace, read, list and delete functions, and
 * read their scale and logs. The {@code zeroscale} CLI is a client of this API. Errors are JSON
 * with an {@code error} field and, for invalid specs, every field problem.
 */
package io.zeroscale.platform.control;
