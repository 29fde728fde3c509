/**
 * The router's HTTP server: one verticle per event loop sharing the port, each with its own HTTP
 * client. It parses the target, answers 400/404/413 up front, and hands everything else to the
 * proxy.
 */
package io.zeroscale.router.server;
