package io.printrelay.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.agent.printing.PrinterEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {

  @Test
  void defaultsToAwsWithTheContractsNames() {
    AgentOptions options = parse("--printers", "line-1=10.0.0.5:9100");

    assertThat(options.sqsEndpoint()).isNull();
    assertThat(options.dynamoDbEndpoint()).isNull();
    assertThat(options.region()).as("the SDK's default chain decides").isNull();
    assertThat(options.config().table()).isEqualTo("printrelay");
    assertThat(options.config().queueNames().queue(io.printrelay.model.Priority.HIGH))
        .isEqualTo("printrelay-high.fifo");
    assertThat(options.config().agentId()).isEqualTo("pi-7");
    assertThat(options.config().pollWait()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.config().printers())
        .containsExactly(new PrinterEndpoint("line-1", "10.0.0.5", 9100));
  }

  @Test
  void endpointsMeanAnEmulatorInUsEast1() {
    AgentOptions options =
        parse(
            "--sqs-endpoint",
            "http://127.0.0.1:9324",
            "--dynamodb-endpoint=http://127.0.0.1:8000",
            "--printers",
            "a=h:1");

    assertThat(options.sqsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:9324"));
    assertThat(options.dynamoDbEndpoint()).isEqualTo(URI.create("http://127.0.0.1:8000"));
    assertThat(options.region()).isEqualTo("us-east-1");
  }

  @Test
  void readsTheSameKeysFromAConfigFileAndFlagsWin(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("agent.properties");
    Files.writeString(
        file,
        """
        # the commissary's agent
        table=prod-table
        queue-prefix=prod
        printers=line-1=10.0.0.5:9100,line-2=[fe80::1]:9101,line-3=printer3
        agent-id=from-file
        region=eu-west-1
        poll-wait=5
        """);

    AgentOptions options = parse("--config", file.toString(), "--agent-id", "from-flag");

    AgentConfig config = options.config();
    assertThat(config.table()).isEqualTo("prod-table");
    assertThat(config.queueNames().prefix()).isEqualTo("prod");
    assertThat(config.agentId()).isEqualTo("from-flag");
    assertThat(options.region()).isEqualTo("eu-west-1");
    assertThat(config.pollWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.printers())
        .containsExactly(
            new PrinterEndpoint("line-1", "10.0.0.5", 9100),
            new PrinterEndpoint("line-2", "fe80::1", 9101),
            new PrinterEndpoint("line-3", "printer3", 9100));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--table x --printers a=h:1 | table 'x' must be 3-255",
        "--table printrelay | at least one printer",
        "--printers a=h:1,a=h:2 | printer a is listed twice",
        "--printers a=h:70000 | port 70000 is not 1-65535",
        "--printers a=h:x | port in 'h:x' is not a number",
        "--printers =h:1 | must be ID=HOST:PORT",
        "--printers bad/id=h:1 | printer id 'bad/id'",
        "--printers a=h:1 --sqs-endpoint ftp://x | must be an http(s) URL",
        "--printers a=h:1 --poll-wait 30 | poll wait must be 0-20 seconds",
        "--printers a=h:1 --poll-wait soon | whole number of seconds",
        "--printers a=h:1 --queue-prefix bad.prefix | queue prefix",
        "--printers a=h:1 --colour blue | unknown option --colour",
        "--printers | --printers needs a value",
        "stray | unexpected argument 'stray'",
        "--config /no/such/file | cannot read config file",
        "--printers a=h:1 --status-port 70000 | --status-port must be 0-65535",
        "--printers a=h:1 --status-port web | --status-port must be a port number"
      })
  void badOptionsAreNamed(String args, String message) {
    assertThatThrownBy(() -> parse(args.trim().split(" +")))
        .isInstanceOf(InvalidConfig.class)
        .hasMessageContaining(message);
  }

  @Test
  void theStatusEndpointListensOnLoopbackPort9180UnlessToldOtherwise(@TempDir Path dir)
      throws IOException {
    assertThat(parse("--printers", "a=h:1").config().statusAddress())
        .isEqualTo(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9180));
    assertThat(
            parse("--printers", "a=h:1", "--status-port", "9200", "--status-bind", "0.0.0.0")
                .config()
                .statusAddress())
        .isEqualTo(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), 9200));
    assertThat(parse("--printers", "a=h:1", "--status-port", "0").config().statusAddress())
        .as("0: no endpoint")
        .isNull();

    Path file = Files.writeString(dir.resolve("agent.properties"), "status-port=9300\n");
    assertThat(AgentOptions.statusTarget(new String[] {"--config", file.toString()}))
        .as("printrelay agent status reads the agent's file")
        .isEqualTo(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9300));
  }

  @Test
  void theStatusCommandRefusesAnEndpointTurnedOffAndOtherOptions() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(AgentMain.run(new String[] {"status", "--status-port", "0"}, System.out, errors))
        .isEqualTo(2);
    assertThat(AgentMain.run(new String[] {"status", "--printers", "a=h:1"}, System.out, errors))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("printrelay agent status: the agent's status endpoint is off")
        .contains("printrelay agent status: unknown option --printers");
  }

  @Test
  void badOptionsExitWithCode2AndSayWhy() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        AgentMain.run(
            new String[] {"--table", "printrelay"},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("printrelay agent: at least one printer")
        .contains("usage: printrelay agent");
  }

  @Test
  void helpPrintsUsage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        AgentMain.run(
            new String[] {"--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--printers ID=HOST:PORT");
  }

  @Test
  void anAgentThatCannotReachItsQueuesExitsWithCode1(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("agent-data");
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String nowhere = "http://127.0.0.1:" + closedPort;

    int code =
        AgentMain.run(
            new String[] {
              "--sqs-endpoint",
              nowhere,
              "--dynamodb-endpoint",
              nowhere,
              "--printers",
              "a=127.0.0.1:9100",
              "--data-dir",
              data.toString()
            },
            System.out,
            System.err);

    assertThat(code).isEqualTo(1);
    assertThat(data).isDirectory();
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedExitsWithCode2(@TempDir Path dir) throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("a-file"), "x");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int code =
        AgentMain.run(
            new String[] {
              "--sqs-endpoint",
              "http://127.0.0.1:1",
              "--dynamodb-endpoint",
              "http://127.0.0.1:1",
              "--printers",
              "a=127.0.0.1:9100",
              "--data-dir",
              notADirectory.resolve("agent").toString()
            },
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("printrelay agent: cannot create the data directory");
  }

  private static AgentOptions parse(String... args) {
    return AgentOptions.parse(args, () -> "pi-7");
  }
}
