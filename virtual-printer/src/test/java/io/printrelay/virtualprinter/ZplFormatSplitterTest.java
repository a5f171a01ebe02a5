package io.printrelay.virtualprinter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.virtualprinter.ZplFormatSplitter.Discarded;
import io.printrelay.virtualprinter.ZplFormatSplitter.Event;
import io.printrelay.virtualprinter.ZplFormatSplitter.Format;
import io.printrelay.virtualprinter.ZplFormatSplitter.HostCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZplFormatSplitterTest {

  private static final String A = "^XA^FO50,50^A0N,30,30^FDlabel A^FS^XZ";
  private static final String B = "^XA^FO50,50^FDlabel B ünïcode^FS^XZ";

  /** Renders events as strings so whole sequences compare in one assertion. */
  private static List<String> describe(List<Event> events) {
    List<String> out = new ArrayList<>();
    for (Event e : events) {
      out.add(
          switch (e) {
            case Format f -> "F:" + f.text();
            case HostCommand h -> "~" + h.code();
            case Discarded d -> "D:" + d.text();
          });
    }
    return out;
  }

  private static List<String> feedAll(ZplFormatSplitter splitter, byte[]... chunks) {
    List<Event> events = new ArrayList<>();
    for (byte[] chunk : chunks) {
      events.addAll(splitter.feed(chunk));
    }
    return describe(events);
  }

  @Test
  void formatSplitAtEveryBytePosition() {
    byte[] stream = ("\r\n" + A + "\r\n" + B + "\n").getBytes(UTF_8);
    for (int cut = 0; cut <= stream.length; cut++) {
      ZplFormatSplitter splitter = new ZplFormatSplitter();
      List<String> events =
          feedAll(
              splitter,
              Arrays.copyOfRange(stream, 0, cut),
              Arrays.copyOfRange(stream, cut, stream.length));
      assertThat(events).as("cut at %d", cut).containsExactly("F:" + A, "F:" + B);
      assertThat(splitter.finish()).as("cut at %d", cut).isEmpty();
    }
  }

  @Test
  void oneByteAtATime() {
    byte[] stream = (A + B + "~HS").getBytes(UTF_8);
    ZplFormatSplitter splitter = new ZplFormatSplitter();
    List<byte[]> chunks = new ArrayList<>();
    for (byte b : stream) {
      chunks.add(new byte[] {b});
    }
    assertThat(feedAll(splitter, chunks.toArray(byte[][]::new)))
        .containsExactly("F:" + A, "F:" + B, "~HS");
  }

  @Test
  void severalFormatsInOneChunkWithEndOffsets() {
    byte[] stream = (A + B + A).getBytes(UTF_8);
    List<Event> events = new ZplFormatSplitter().feed(stream);
    assertThat(describe(events)).containsExactly("F:" + A, "F:" + B, "F:" + A);
    int lenA = A.getBytes(UTF_8).length;
    int lenB = B.getBytes(UTF_8).length;
    assertThat(events)
        .extracting(e -> ((Format) e).endOffset())
        .containsExactly(lenA, lenA + lenB, 2 * lenA + lenB);
  }

  @Test
  void endOffsetIsRelativeToTheArrayFed() {
    byte[] padded = ("xxxx" + A).getBytes(UTF_8);
    List<Event> events = new ZplFormatSplitter().feed(padded, 4, padded.length - 4);
    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            Format.class, f -> assertThat(f.endOffset()).isEqualTo(padded.length));
  }

  @Test
  void lowercaseCommands() {
    String lower = "^xa^fdlower^fs^xz";
    String mixed = "^Xa^FDmixed^FS^xZ";
    assertThat(feedAll(new ZplFormatSplitter(), (lower + mixed + "~hs").getBytes(UTF_8)))
        .containsExactly("F:" + lower, "F:" + mixed, "~HS");
  }

  @Test
  void garbageBetweenFormatsIsReportedNotPrinted() {
    String stream = "junk" + A + " \r\n\t" + B + "more junk^X";
    ZplFormatSplitter splitter = new ZplFormatSplitter();
    assertThat(feedAll(splitter, stream.getBytes(UTF_8)))
        .containsExactly("D:junk", "F:" + A, "F:" + B);
    // trailing stray bytes only become known as stray when the stream ends
    assertThat(describe(splitter.finish())).containsExactly("D:more junk^X");
  }

  @Test
  void hostStatusQueryOutsideFormatsIsAnEvent() {
    String stream = "~HS" + A + "\r\n~HS\r\n~JA";
    assertThat(feedAll(new ZplFormatSplitter(), stream.getBytes(UTF_8)))
        .containsExactly("~HS", "F:" + A, "~HS", "~JA");
  }

  @Test
  void hostStatusSplitAcrossChunks() {
    ZplFormatSplitter splitter = new ZplFormatSplitter();
    assertThat(feedAll(splitter, "~".getBytes(UTF_8), "H".getBytes(UTF_8), "S".getBytes(UTF_8)))
        .containsExactly("~HS");
  }

  @Test
  void tildeInsideAFormatIsFormatContent() {
    String withTilde = "^XA^FDa~HSb^FS^XZ";
    assertThat(feedAll(new ZplFormatSplitter(), withTilde.getBytes(UTF_8)))
        .containsExactly("F:" + withTilde);
  }

  @Test
  void unterminatedFormatIsDiscardedAtEndOfStream() {
    ZplFormatSplitter splitter = new ZplFormatSplitter();
    assertThat(feedAll(splitter, (A + "^XA^FDhalf").getBytes(UTF_8))).containsExactly("F:" + A);
    assertThat(splitter.inFormat()).isTrue();
    assertThat(describe(splitter.finish())).containsExactly("D:^XA^FDhalf");
    assertThat(splitter.inFormat()).isFalse();
    // reusable after finish
    assertThat(feedAll(splitter, B.getBytes(UTF_8))).containsExactly("F:" + B);
  }

  @Test
  void newFormatStartingBeforeTheOldOneEndedDiscardsTheFragment() {
    String stream = "^XA^FDcut here" + B;
    assertThat(feedAll(new ZplFormatSplitter(), stream.getBytes(UTF_8)))
        .containsExactly("D:^XA^FDcut here", "F:" + B);
  }

  @Test
  void commandBytesAreNotReusedAcrossMatches() {
    // "^XZ" then "A": the X of ^XZ must not combine with a later byte into ^XA
    String stream = "^XA^XZA^FDx";
    ZplFormatSplitter splitter = new ZplFormatSplitter();
    assertThat(feedAll(splitter, stream.getBytes(UTF_8))).containsExactly("F:^XA^XZ");
    assertThat(describe(splitter.finish())).containsExactly("D:A^FDx");
  }
}
