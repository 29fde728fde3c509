package io.zeroscale.example.events;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The same calls against the packaged jar in its own process; with the {@code function-aot} profile
 * this is the training run of its AOT cache.
 */
@QuarkusIntegrationTest
class GreeterJarIT extends GreeterTest {}
