package io.printrelay.function.health;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.printrelay.function.testing.ApiClient;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.EmbeddedSandbox;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnhealthyHttpTest {

  @Test
  void healthAndReadsAre503WhenTheTableOrQueuesAreMissing() {
    Map<String, Object> properties = EmbeddedSandbox.newSandbox().properties();
    properties.put("printrelay.table", "no-such-table");
    properties.put("printrelay.queue-prefix", "no-such-queues");
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        HttpClient http = HttpClient.create(server.getURL())) {
      ApiClient api =
          new ApiClient(
              http.toBlocking(), server.getApplicationContext().getBean(JsonMapper.class));

      Reply reply = api.send(HttpRequest.GET("/health"));
      assertProblem(reply, 503);
      assertThat(reply.text("detail")).contains("job table", "job queues");

      Reply read = api.get("/v1/jobs/0b6f3c1e-8a4d-4c3e-9a57-5f0f6c1d2e3a");
      assertProblem(read, 503);
      assertThat(read.text("detail")).doesNotContain("no-such-table");
    }
  }
}
