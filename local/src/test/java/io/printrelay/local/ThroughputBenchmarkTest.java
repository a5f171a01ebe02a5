package io.printrelay.local;

import static org.awaitility.Awaitility.await;

import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Figures, not a pass/fail speed target: submit latency through the API and labels per second
 * through the agent to a printer that never makes it wait. Run it with {@code ./mvnw -pl local test
 * -Dgroups=benchmark -DexcludedGroups=none} (after {@code ./mvnw install -DskipTests}).
 */
@Tag("benchmark")
class ThroughputBenchmarkTest {
  private static final String KEY = "bench-key";

  @Test
  void printsSubmitLatencyAndLabelThroughput() {
    LocalOptions options =
        new LocalOptions(
            0, 0, 0, null, KEY, "bench-password", List.of(), 1, 0, true, false, "127.0.0.1");
    try (LocalSystem system = LocalSystem.start(options)) {
      ApiClient api = new ApiClient(system.baseUrl(), KEY, system.api().getBean(JsonMapper.class));
      String printer = system.virtualPrinters().get(0).name();

      List<Long> submitMillis = new ArrayList<>();
      String last = null;
      for (int i = 0; i < 50; i++) {
        long start = System.nanoTime();
        ApiClient.Response created =
            api.post("/v1/jobs", LocalSystemEndToEndTest.templateJob(printer, 10));
        submitMillis.add((System.nanoTime() - start) / 1_000_000);
        last = (String) created.body().get("jobId");
      }
      String drained = last;
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> "completed".equals(api.job(drained).get("status")));

      long start = System.nanoTime();
      String big =
          (String)
              api.post("/v1/jobs", LocalSystemEndToEndTest.templateJob(printer, 500))
                  .body()
                  .get("jobId");
      await()
          .atMost(Duration.ofMinutes(5))
          .until(() -> "completed".equals(api.job(big).get("status")));
      double seconds = (System.nanoTime() - start) / 1e9;

      Collections.sort(submitMillis);
      System.out.printf(
          "benchmark: submit of 10 labels: p50 %d ms, p95 %d ms, max %d ms (50 submits)%n",
          submitMillis.get(24), submitMillis.get(47), submitMillis.get(49));
      System.out.printf(
          "benchmark: 500 labels submitted, printed and confirmed in %.1f s: %.0f labels/s%n",
          seconds, 500 / seconds);
    }
  }
}
