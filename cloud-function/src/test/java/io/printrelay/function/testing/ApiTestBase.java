package io.printrelay.function.testing;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * An API on a real Netty port over this class's own sandbox table and queues. Subclasses add
 * {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {
  protected final Sandbox sandbox = EmbeddedSandbox.newSandbox();

  @Inject
  @Client("/")
  protected HttpClient httpClient;

  @Inject protected JsonMapper json;

  protected ApiClient api;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>();
    flatten("", sandbox.properties(), properties);
    properties.put("micronaut.http.client.max-content-length", Integer.toString(16 * 1024 * 1024));
    return properties;
  }

  @BeforeEach
  void connect() {
    api = new ApiClient(httpClient.toBlocking(), json);
  }

  // TestPropertyProvider takes strings: lists of maps become indexed keys, maps dotted ones.
  private static void flatten(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
    } else if (value instanceof java.util.List<?> list
        && !list.isEmpty()
        && !(list.get(0) instanceof Map)) {
      // Indexed scalars (roles[0]) do not bind into @EachProperty lists; comma-separated does.
      out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
    } else if (value instanceof java.util.List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        flatten(prefix + "[" + i + "]", list.get(i), out);
      }
    } else {
      out.put(prefix, String.valueOf(value));
    }
  }
}
