/**
 * The project template behind {@code zeroscale new}: a Quarkus function on function-runtime with a
 * handler, tests, a Dockerfile and its Function spec, rendered from classpath resources.
 */
package io.zeroscale.cli.template;
