package io.printrelay.function;

import static io.printrelay.testing.Jobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.printrelay.function.dispatch.DispatchSweep;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How `printrelay local` starts the API: {@link Application#start} with its properties. */
class ApplicationTest {

  @Test
  void startServesTheApiOnNettyAndOffersTheRedispatch() throws Exception {
    Sandbox sandbox = EmbeddedSandbox.newSandbox();
    sandbox.registerPrinter("line-1");
    sandbox.store(aJob().on("line-1"));
    Map<String, Object> properties = sandbox.properties();
    properties.put("micronaut.server.port", -1);

    try (ApplicationContext context = Application.start(properties)) {
      int port = context.getBean(EmbeddedServer.class).getPort();
      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      assertThat(context.getBean(DispatchSweep.class).redispatchAll()).isEqualTo(1);
      assertThat(sandbox.messagesWaiting()).isEqualTo(1);
    }
  }
}
