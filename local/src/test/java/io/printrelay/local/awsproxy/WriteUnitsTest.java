package io.printrelay.local.awsproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WriteUnitsTest {

  @Test
  void asksForTheTotalUnlessTheRequestAsksForSomethingItself() {
    assertThat(text(WriteUnits.askForTotal(bytes("{\"TableName\":\"t\"}"))))
        .isEqualTo("{\"TableName\":\"t\",\"ReturnConsumedCapacity\":\"TOTAL\"}");
    assertThat(text(WriteUnits.askForTotal(bytes("{\"ReturnConsumedCapacity\":\"INDEXES\"}"))))
        .isEqualTo("{\"ReturnConsumedCapacity\":\"INDEXES\"}");
    assertThat(text(WriteUnits.askForTotal(bytes("not json")))).isEqualTo("not json");
  }

  @Test
  void sumsTheUnitsOfOneTableOrOfEveryTableOfATransaction() throws IOException {
    assertThat(WriteUnits.reportedIn(
        bytes("{\"ConsumedCapacity\":{\"TableName\":\"t\",\"CapacityUnits\":1.0}}"), null))
        .isEqualTo(1.0);
    assertThat(WriteUnits.reportedIn(bytes("{\"ConsumedCapacity\":[{\"CapacityUnits\":4.0},"
        + "{\"CapacityUnits\":2.5}]}"), null)).isEqualTo(6.5);
    assertThat(WriteUnits.reportedIn(bytes("{\"Attributes\":{}}"), null)).isZero();
    assertThat(WriteUnits.reportedIn(bytes(""), null)).isZero();
    assertThat(WriteUnits.reportedIn(
        gzip("{\"ConsumedCapacity\":{\"CapacityUnits\":2.0}}"), "gzip")).isEqualTo(2.0);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes(text));
    }
    return out.toByteArray();
  }
}
