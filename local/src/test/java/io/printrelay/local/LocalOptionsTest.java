package io.printrelay.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.agent.printing.PrinterEndpoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalOptionsTest {

  @Test
  void noFlagsGiveTheContractsDefaults() {
    LocalOptions options = LocalOptions.parse();
    assertThat(options.httpPort()).isEqualTo(8080);
    assertThat(options.sqsPort()).isEqualTo(9324);
    assertThat(options.dynamoDbPort()).isEqualTo(8000);
    assertThat(options.dataDir()).isEqualTo(Path.of(".printrelay"));
    assertThat(options.apiKey()).isEqualTo("local-dev-key");
    assertThat(options.operatorPassword()).isEqualTo("local-dev-password");
    assertThat(options.virtualPrinters()).isEqualTo(2);
    assertThat(options.msPerLabel()).isEqualTo(100);
    assertThat(options.agent()).isTrue();
    assertThat(options.demo()).isFalse();
  }

  @Test
  void readsEveryFlag() {
    LocalOptions options =
        LocalOptions.parse(
            "--http-port",
            "9090",
            "--sqs-port",
            "9325",
            "--dynamodb-port",
            "8001",
            "--data-dir",
            "/tmp/pr",
            "--api-key",
            "k",
            "--operator-password",
            "p",
            "--printers",
            "line-1=10.0.0.5:9100,line-2=printer.lan:9101",
            "--virtual-printers",
            "3",
            "--ms-per-label",
            "5",
            "--no-agent",
            "--demo",
            "--bind",
            "0.0.0.0");

    assertThat(options)
        .isEqualTo(
            new LocalOptions(
                9090,
                9325,
                8001,
                Path.of("/tmp/pr"),
                "k",
                "p",
                List.of(
                    new PrinterEndpoint("line-1", "10.0.0.5", 9100),
                    new PrinterEndpoint("line-2", "printer.lan", 9101)),
                3,
                5,
                false,
                true,
                "0.0.0.0"));
  }

  @Test
  void readsPrintersAsTheAgentDoes() {
    assertThat(LocalOptions.parse("--printers", "line-1=host").printers())
        .containsExactly(new PrinterEndpoint("line-1", "host", 9100));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--http-port=80", "--http-port", "--frobnicate"})
  void refusesUnknownFlagsAndMissingValues(String flag) {
    assertThatThrownBy(() -> LocalOptions.parse(flag)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"line-1", "line 1=host:9100", "line-1=host:99999", "line-1=host:x", ","})
  void refusesMalformedPrinters(String printers) {
    assertThatThrownBy(() -> LocalOptions.parse("--printers", printers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--printers");
  }
}
