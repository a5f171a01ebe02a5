package io.printrelay.queue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.printrelay.model.Priority;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The SQS wire format, owned here for both sides. Body: {@code
 * {"jobId":"…","printerId":"…","priority":"high","dispatch":1}}.
 *
 * <p>FIFO ids are always set explicitly, never left to a library: MessageGroupId = printer id (one
 * printer's jobs in order, other printers unblocked); MessageDeduplicationId = job id and dispatch
 * number (a retried send within SQS's 5-minute window is dropped, a deliberate re-send is not). See
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html
 */
public final class JobMessages {
  private static final JsonFactory JSON = new JsonFactory();

  private JobMessages() {}

  public static SendMessageRequest sendRequest(String queueUrl, JobMessage message) {
    return SendMessageRequest.builder()
        .queueUrl(queueUrl)
        .messageBody(body(message))
        .messageGroupId(message.printerId())
        .messageDeduplicationId(deduplicationId(message))
        .build();
  }

  public static String deduplicationId(JobMessage message) {
    return message.jobId() + "-" + message.dispatch();
  }

  public static String body(JobMessage message) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("jobId", message.jobId());
      json.writeStringField("printerId", message.printerId());
      json.writeStringField("priority", message.priority().wireName());
      json.writeNumberField("dispatch", message.dispatch());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Parses a body; unknown fields are skipped so the format can grow. */
  public static JobMessage parse(String body) {
    String jobId = null;
    String printerId = null;
    String priority = null;
    int dispatch = 1;
    try (JsonParser json = JSON.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a job message is a JSON object");
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        switch (field) {
          case "jobId" -> jobId = json.getValueAsString();
          case "printerId" -> printerId = json.getValueAsString();
          case "priority" -> priority = json.getValueAsString();
          case "dispatch" -> dispatch = json.getValueAsInt(1);
          default -> json.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a job message: " + e.getMessage(), e);
    }
    if (jobId == null || printerId == null || priority == null) {
      throw new IllegalArgumentException("a job message needs jobId, printerId and priority");
    }
    String tier = priority;
    Priority parsed =
        Priority.parse(tier)
            .orElseThrow(() -> new IllegalArgumentException("unknown priority " + tier));
    return new JobMessage(jobId, printerId, parsed, dispatch);
  }
}
