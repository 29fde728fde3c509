/**
 * The {@code hello} example function: greets on {@code GET /} and echoes {@code POST /} bodies. The
 * smallest function there is, used by the quick start and the end-to-end tests.
 */
package io.zeroscale.example.hello;
