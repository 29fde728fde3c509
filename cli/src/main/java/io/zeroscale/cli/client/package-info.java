/**
 * The CLI's client of the platform's control API ({@code /api/v1}) and of the router. Failures to
 * connect become messages that say how to start the platform.
 */
package io.zeroscale.cli.client;
