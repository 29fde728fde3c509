package {{package}};

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar in its own process; where Temurin 25 is installed, the AOT training run. */
@QuarkusIntegrationTest
class HandlerIT extends HandlerTest {}
