package io.zeroscale.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.router.route.RequestTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTargetTest {

  static final String DOMAIN = "zeroscale.localhost";

  @ParameterizedTest(name = "{0} with Host {1} -> {2} {3}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "/fn/default/hello/a/b?x=1 | -                                   | default/hello | /a/b?x=1",
        "/fn/default/hello         | -                                   | default/hello | /",
        "/fn/default/hello?x=1     | -                                   | default/hello | /?x=1",
        "/fn/default/hello/        | -                                   | default/hello | /",
        "/fn/team/my.fn/p          | -                                   | team/my.fn    | /p",
        "/p?x=1                    | hello.default.zeroscale.localhost   | default/hello | /p?x=1",
        "/                         | hello.default.zeroscale.localhost:80| default/hello | /",
        "/                         | HELLO.default.Zeroscale.Localhost   | default/HELLO | /",
        "/                         | a.b.team.zeroscale.localhost        | team/a.b      | /",
        "/                         | default.zeroscale.localhost         | -             | /",
        "/                         | zeroscale.localhost                 | -             | /",
        "/                         | hello.default.example.org           | -             | /",
        "/                         | -                                   | -             | /",
      })
  void findsTheFunctionAndTheUriToForward(String uri, String host, String key, String forward) {
    RequestTarget target = RequestTarget.of(uri, host, DOMAIN);

    assertThat(target.problem()).isNull();
    assertThat(target.key()).isEqualTo(key == null ? null : FunctionKey.parse(key));
    assertThat(target.uri()).isEqualTo(forward);
  }

  @ParameterizedTest
  @CsvSource({"/fn/x", "/fn/", "/fn//hello/", "/fn/default/", "/fn/default/?x=1"})
  void malformedPathsAreProblemsThatShowTheExpectedShape(String uri) {
    RequestTarget target = RequestTarget.of(uri, "hello.default.zeroscale.localhost", DOMAIN);

    assertThat(target.key()).isNull();
    assertThat(target.problem()).startsWith("path must look like /fn/{namespace}/{name}/...");
  }
}
