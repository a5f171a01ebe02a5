package io.printrelay.function.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.problem.Rejection;
import io.printrelay.function.security.Capability;
import io.printrelay.function.security.Submitter;
import io.printrelay.function.submit.SubmitJob;
import io.printrelay.function.submit.SubmitRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs before Lambda SnapStart takes its snapshot, so that a restored function answers its
 * first request as fast as a warm one (docs/deploy.md#cold-start): the code a submit runs is
 * loaded, linked and run once. It writes nothing: a health check reads the table and the
 * dead-letter queues through both AWS clients; a submit without a key is refused by security; a
 * submit for a printer no agent registered is bound, validated and refused after its printer was
 * looked up. Any failure is logged and the snapshot taken all the same: a cold first request beats
 * none.
 */
final class SnapStartPriming {
  static final String UNREGISTERED_PRINTER = "snapstart-priming";
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);
  private static final String SUBMIT =
      "{\"printerId\":\""
          + UNREGISTERED_PRINTER
          + "\",\"reference\":\"priming\",\"labels\":[{\"zpl\":\"^XA^FO50,50^A0N,40,40^FDPriming^FS^XZ\"}]}";

  private static final String HOST = "snapstart.invalid";
  private static final Map<String, String> SUBMIT_HEADERS =
      Map.of(
          "host",
          HOST,
          "content-type",
          "application/json",
          "authorization",
          "Bearer snapstart-priming-holds-no-key");

  private SnapStartPriming() {}

  /** What priming ran: the two requests' statuses and the direct submit's refusal. */
  record Primed(int health, int submitWithUnknownKey, String submitForUnregisteredPrinter) {}

  /** Returns what ran, or null when priming failed (logged). */
  static Primed prime(ApiGatewayHandler handler, ApplicationContext context) {
    try {
      Primed primed =
          new Primed(
              handler
                  .handleRequest(
                      HttpApiRequests.request("GET", "/health", Map.of("host", HOST), null),
                      new MockLambdaContext())
                  .getStatusCode(),
              handler
                  .handleRequest(
                      HttpApiRequests.request("POST", "/v1/jobs", SUBMIT_HEADERS, SUBMIT),
                      new MockLambdaContext())
                  .getStatusCode(),
              submitForAnUnregisteredPrinter(context));
      LOG.info(
          "SnapStart priming: health {}, submit with an unknown key {}, submit for an unregistered"
              + " printer {}",
          primed.health(),
          primed.submitWithUnknownKey(),
          primed.submitForUnregisteredPrinter());
      return primed;
    } catch (RuntimeException e) {
      LOG.warn("SnapStart priming failed; the snapshot is taken without it", e);
      return null;
    }
  }

  /** The kind of refusal, e.g. {@code InvalidInput}. */
  private static String submitForAnUnregisteredPrinter(ApplicationContext context) {
    JsonBody body = context.getBean(JsonBody.class);
    JsonNode json;
    try {
      json =
          context
              .getBean(JsonMapper.class)
              .readValue(SUBMIT.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException e) {
      throw new IllegalStateException("the priming job is not JSON", e);
    }
    SubmitRequest request = body.bind(json, SubmitRequest.class);
    Submitter priming = new Submitter("snapstart-priming", null, EnumSet.noneOf(Capability.class));
    try {
      context.getBean(SubmitJob.class).submit(priming, request, null);
      throw new IllegalStateException("printer " + UNREGISTERED_PRINTER + " is registered");
    } catch (Rejection expected) {
      // Refused as it should be: nothing was stored or sent.
      return expected.getClass().getSimpleName();
    }
  }
}
