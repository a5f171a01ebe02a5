package io.printrelay.zpl;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.zpl.ZplCommands.Command;
import io.printrelay.zpl.ZplCommands.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ZplCommandsTest {

  static Stream<Arguments> hostReplies() {
    return Stream.of(
            "~HS",
            "~HQES",
            "^HH",
            "~HI",
            "~HM",
            "^HWR:*.*",
            "~HB",
            "~HD",
            "^HV1,64",
            "^HZA",
            "~HU",
            "^HFR:FMT.ZPL",
            "^HGR:LOGO.GRF",
            "^HYR:LOGO.PNG",
            "^HT",
            "^HL",
            "~HL",
            "^HR",
            "~RV",
            "~WQOD")
        .map(command -> Arguments.of(command, command.substring(0, 3)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostReplies")
  void findsEveryCommandThatMakesThePrinterAnswerTheHost(String command, String name) {
    assertThat(ZplCommands.restricted("^XA^FO10,10" + command + "^FDx^FS^XZ"))
        .containsExactly(new Command(name, Kind.HOST_REPLY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"^CC+", "~CC!", "^CT#", "~CT%"})
  void findsPrefixChanges(String command) {
    assertThat(ZplCommands.restricted("^XA" + command + "^XZ"))
        .containsExactly(new Command(command.substring(0, 3), Kind.PREFIX_CHANGE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^JUS",
        "^JZY",
        "~JA",
        "~JR",
        "~JC",
        "~JSN",
        "^JMA",
        "^JB",
        "~JI",
        "^KPsecret",
        "^KNkitchen",
        "~KB",
        "^NSa,10.0.0.9",
        "^NC1",
        "~NC001",
        "^ND2",
        "~WC",
        "~WL",
        "^WIA,10.0.0.9",
        "^WPsecret",
        "~WR",
        "^ID",
        "~DYR:CERT,B,NRD,100,,",
        "^TOE:*.*,R:*.*",
        "~EG",
        "^EF",
        "^CM",
        "^STa",
        "^SZ1",
        "^SC9600",
        "^SXA",
        "^MP",
        "^MA",
        "^ZZ",
        "~RO1",
        "~PR"
      })
  void findsCommandsThatChangeThePrinterBeyondTheLabel(String command) {
    assertThat(ZplCommands.restricted("^XA" + command + "^FDx^FS^XZ"))
        .containsExactly(new Command(command.substring(0, 3).toUpperCase(), Kind.PRINTER_CONFIG));
  }

  static Stream<Arguments> readAsAZebraDoes() {
    return Stream.of(
        Arguments.of("letters in either case", "^XA~hs^xz", List.of("~HS")),
        Arguments.of("a line break inside the name", "^XA~H\r\nS^XZ", List.of("~HS")),
        Arguments.of("a tilde in field data", "^XA^FDprice ~HS^FS^XZ", List.of("~HS")),
        Arguments.of("a caret in field data", "^XA^FDsave ^JUS now^FS^XZ", List.of("^JU")),
        Arguments.of("a comment", "^XA^FX ask ~HI later^FS^XZ", List.of("~HI")),
        Arguments.of("a prefix where letters would be", "^XA^~HS^XZ", List.of("~HS")),
        Arguments.of("each command once, in order", "~HS~JA~HS^HH", List.of("~HS", "~JA", "^HH")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readAsAZebraDoes")
  void readsEveryPrefixAsACommandAsAZebraDoes(String what, String zpl, List<String> names) {
    assertThat(ZplCommands.restricted(zpl))
        .extracting(Command::name)
        .containsExactlyElementsOf(names);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "^XA^FO30,30^A0N,40^FDHS JU ID HH KP NS^FS^XZ",
        "^XA^FH^FD_7EHS _5EJUS_5F^FS^XZ",
        "^XA^PR4,4~SD15~TA000^MNW^MTD^PW812^LL1218^CI28^MD10^LH0,0^PON^PMN^LRN^XZ",
        "^XA^AHN,20^FDx^FS^AJN^FDy^FS^XZ",
        "^XA~DGR:LOGO.GRF,4,1,FF00FF00^XGR:LOGO.GRF,1,1^FS^XZ",
        "^XA^DFR:FORM.ZPL^FS^XZ",
        "^XA^XFR:FORM.ZPL^FN1^FDx^FS^XZ",
        "^XA^BCN,100,Y,N,N^FD12345^FS^SN001,1,Y^PQ2^ISR:IMG.GRF^XZ",
        "^XA^FDdotless ^ıD^FS^XZ",
        "^XA^FDends with a prefix ~",
        ""
      })
  void leavesLabelsAndFieldDataAlone(String zpl) {
    assertThat(ZplCommands.restricted(zpl)).isEmpty();
  }
}
