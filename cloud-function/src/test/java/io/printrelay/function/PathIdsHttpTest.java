package io.printrelay.function;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.LoggedWarnings;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route with a job or printer id in its path (docs/api.md#errors): an id that cannot be one
 * (a job id is a UUID; a printer id is 1 to 64 of [A-Za-z0-9._-]) is a 404 like any unknown one,
 * never a 503 from a key DynamoDB refuses, and it is not worth a warning in the log.
 */
@MicronautTest
class PathIdsHttpTest extends ApiTestBase {
  /** Over the 2048 bytes DynamoDB allows for a partition key. */
  private static final String LONG_ID = "j".repeat(3 * 1024);

  static Stream<Arguments> unusableIds() {
    return Stream.of(
        Arguments.of("a 3 KB id", LONG_ID),
        Arguments.of("an id that is no UUID", "no-such-job"),
        Arguments.of("a UUID with a tail", "0b6f3c1e-8a4d-4c3e-9a57-5f0f6c1d2e3a-x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableIds")
  void aJobIdThatCannotBeOneIs404OnEveryJobRouteAndLogsNoWarning(String what, String id) {
    try (LoggedWarnings warnings = LoggedWarnings.record()) {
      assertProblem(api.get("/v1/jobs/" + id), 404);
      assertProblem(api.get("/v1/jobs/" + id + "/labels"), 404);
      for (String action : new String[] {"pause", "resume", "cancel"}) {
        assertProblem(api.act("/v1/jobs/" + id + "/" + action), 404);
      }
      assertProblem(api.act("/v1/jobs/" + id + "/reprint", "{\"labels\":[1]}"), 404);
      Reply priority = api.act("/v1/jobs/" + id + "/priority", "{\"priority\":\"high\"}");
      assertProblem(priority, 404);
      assertThat(priority.text("detail").length()).as("the id is not echoed whole").isLessThan(200);

      assertThat(warnings.all()).isEmpty();
    }
  }

  @Test
  void aWellFormedIdOfNoJobIs404OnEveryJobRoute() {
    String id = "0b6f3c1e-8a4d-4c3e-9a57-5f0f6c1d2e3a";

    assertProblem(api.get("/v1/jobs/" + id), 404);
    assertProblem(api.get("/v1/jobs/" + id + "/labels"), 404);
    for (String action : new String[] {"pause", "resume", "cancel"}) {
      assertProblem(api.act("/v1/jobs/" + id + "/" + action), 404);
    }
    assertProblem(api.act("/v1/jobs/" + id + "/reprint", "{\"labels\":[1]}"), 404);
    assertProblem(api.act("/v1/jobs/" + id + "/priority", "{\"priority\":\"high\"}"), 404);
  }

  static Stream<Arguments> unusablePrinterIds() {
    return Stream.of(
        Arguments.of("a 3 KB id", LONG_ID),
        Arguments.of("an id of 65 characters", "p".repeat(65)),
        Arguments.of("an id with a space", "line%201"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusablePrinterIds")
  void aPrinterIdThatCannotBeOneIs404OnEveryPrinterRouteAndLogsNoWarning(String what, String id) {
    try (LoggedWarnings warnings = LoggedWarnings.record()) {
      Reply printer = api.get("/v1/printers/" + id);
      assertProblem(printer, 404);
      assertThat(printer.text("detail").length()).as("the id is not echoed whole").isLessThan(200);
      for (String action : new String[] {"pause", "resume", "clear"}) {
        assertProblem(api.send(operator("/v1/printers/" + id + "/" + action)), 404);
      }

      assertThat(warnings.all()).isEmpty();
    }
  }

  private static MutableHttpRequest<byte[]> operator(String path) {
    return HttpRequest.POST(path, new byte[0])
        .contentType(MediaType.APPLICATION_JSON)
        .bearerAuth(EmbeddedSandbox.OPERATOR_KEY);
  }
}
