package io.printrelay.agent.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of {@code GET /status}, written by the agent and read by {@code printrelay agent
 * status}. Absent values are written as null; unknown fields are skipped when read, so that a newer
 * agent's answer still reads.
 */
public final class StatusJson {
  private static final JsonFactory JSON = new JsonFactory();

  private StatusJson() {}

  public static String write(AgentStatus status) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("version", status.version());
      json.writeStringField("agentId", status.agentId());
      json.writeObjectFieldStart("cloud");
      json.writeBooleanField("reachable", status.cloud().reachable());
      json.writeStringField(
          "downSince",
          status.cloud().downSince() == null ? null : status.cloud().downSince().toString());
      json.writeEndObject();
      json.writeNumberField("labelsWaitingToSync", status.labelsWaitingToSync());
      json.writeArrayFieldStart("printers");
      for (AgentStatus.Printer printer : status.printers()) {
        json.writeStartObject();
        json.writeStringField("id", printer.id());
        json.writeStringField("host", printer.host());
        json.writeNumberField("port", printer.port());
        json.writeStringField("state", printer.state());
        json.writeStringField("detail", printer.detail());
        json.writeStringField("currentJob", printer.currentJob());
        writeNumberOrNull(json, "currentLabel", printer.currentLabel());
        writeNumberOrNull(json, "currentJobLabels", printer.currentJobLabels());
        json.writeBooleanField("leaseHeld", printer.leaseHeld());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** {@code {"error": message}}. */
  public static String error(String message) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("error", message);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * @throws IllegalArgumentException when the text is not a status
   */
  public static AgentStatus read(String text) {
    try (JsonParser json = JSON.createParser(text)) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      String version = null;
      String agentId = null;
      AgentStatus.Cloud cloud = null;
      int waiting = 0;
      List<AgentStatus.Printer> printers = new ArrayList<>();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        json.nextToken();
        switch (field) {
          case "version" -> version = json.getValueAsString();
          case "agentId" -> agentId = json.getValueAsString();
          case "cloud" -> cloud = cloud(json);
          case "labelsWaitingToSync" -> waiting = json.getValueAsInt();
          case "printers" -> {
            expect(json.currentToken(), JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
              printers.add(printer(json));
            }
          }
          default -> json.skipChildren();
        }
      }
      if (cloud == null) {
        throw new IllegalArgumentException("not an agent status: no cloud field");
      }
      return new AgentStatus(version, agentId, cloud, waiting, printers);
    } catch (IOException | DateTimeParseException e) {
      throw new IllegalArgumentException("not an agent status: " + e.getMessage(), e);
    }
  }

  private static AgentStatus.Cloud cloud(JsonParser json) throws IOException {
    expect(json.currentToken(), JsonToken.START_OBJECT);
    boolean reachable = true;
    Instant downSince = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      json.nextToken();
      switch (field) {
        case "reachable" -> reachable = json.getValueAsBoolean();
        case "downSince" -> {
          String value = json.getValueAsString();
          downSince = value == null ? null : Instant.parse(value);
        }
        default -> json.skipChildren();
      }
    }
    return new AgentStatus.Cloud(reachable, downSince);
  }

  private static AgentStatus.Printer printer(JsonParser json) throws IOException {
    String id = null;
    String host = null;
    int port = 0;
    String state = null;
    String detail = null;
    String currentJob = null;
    Integer currentLabel = null;
    Integer currentJobLabels = null;
    boolean leaseHeld = false;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String field = json.currentName();
      JsonToken value = json.nextToken();
      switch (field) {
        case "id" -> id = json.getValueAsString();
        case "host" -> host = json.getValueAsString();
        case "port" -> port = json.getValueAsInt();
        case "state" -> state = json.getValueAsString();
        case "detail" -> detail = json.getValueAsString();
        case "currentJob" -> currentJob = json.getValueAsString();
        case "currentLabel" ->
            currentLabel = value == JsonToken.VALUE_NULL ? null : json.getIntValue();
        case "currentJobLabels" ->
            currentJobLabels = value == JsonToken.VALUE_NULL ? null : json.getIntValue();
        case "leaseHeld" -> leaseHeld = json.getValueAsBoolean();
        default -> json.skipChildren();
      }
    }
    return new AgentStatus.Printer(
        id, host, port, state, detail, currentJob, currentLabel, currentJobLabels, leaseHeld);
  }

  private static void writeNumberOrNull(JsonGenerator json, String field, Integer value)
      throws IOException {
    if (value == null) {
      json.writeNullField(field);
    } else {
      json.writeNumberField(field, value);
    }
  }

  private static void expect(JsonToken token, JsonToken expected) {
    if (token != expected) {
      throw new IllegalArgumentException("not an agent status: " + token + " where " + expected);
    }
  }
}
