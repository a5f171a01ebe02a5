package io.printrelay.function.jobs;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The submits docs/api.md#submit shows, sent as written: the first with a plain integration key,
 * the raw one with a key that has the capability and without it.
 */
@MicronautTest
class SubmitExamplesHttpTest extends ApiTestBase {
  private static final Path API_DOC = Path.of("../docs/api.md");
  private static final Pattern JSON_BLOCK = Pattern.compile("```json\n(.*?)```", Pattern.DOTALL);

  @BeforeAll
  void registerPrinter() {
    sandbox.registerPrinter("line-1");
  }

  @Test
  void theFirstExampleIsAcceptedFromAKeyWithoutCapabilities() throws IOException {
    Reply reply = api.submit(examples().get(0));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.body().get("total").getIntValue()).isEqualTo(3);
  }

  @Test
  void theRawExampleNeedsTheCapability() throws IOException {
    String raw = examples().get(1);
    assertThat(raw).contains("\"raw\"");

    Reply plain = api.submit(raw);
    Reply installer =
        api.send(
            HttpRequest.POST("/v1/jobs", raw)
                .contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(EmbeddedSandbox.INSTALLER_KEY));

    assertProblem(plain, 422);
    assertThat(plain.body().get("errors").get(0).get("field").getStringValue())
        .isEqualTo("labels[0].raw");
    assertThat(installer.status()).isEqualTo(201);
  }

  // The JSON blocks of the Submit section, in order.
  private static List<String> examples() throws IOException {
    String doc = Files.readString(API_DOC);
    int start = doc.indexOf("\n## Submit\n");
    String section = doc.substring(start, doc.indexOf("\n## ", start + 1));
    Matcher blocks = JSON_BLOCK.matcher(section);
    return blocks.results().map(block -> block.group(1)).toList();
  }
}
