package io.printrelay.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.printrelay.model.JobStatus;
import io.printrelay.model.Priority;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status endpoint is for the person at the agent's machine, so by default it must not be
 * reachable from the LAN. A listener on 127.0.0.1 refuses a connection to 127.0.0.2 while a
 * wildcard (0.0.0.0) listener accepts it, since Linux routes all of 127.0.0.0/8 to the loopback
 * interface; that tells the two binds apart without sending a byte off this machine (as
 * EmbeddedAwsLoopbackTest does for the emulators).
 */
class StatusEndpointLoopbackTest {
  private static final int CONNECT_TIMEOUT_MS = 2_000;

  private final AgentTestBed bed = new AgentTestBed();

  @BeforeAll
  static void otherLoopbackAddressesReachAWildcardListener() throws IOException {
    try (ServerSocket wildcard = new ServerSocket(0)) {
      assumeTrue(
          accepts("127.0.0.2", wildcard.getLocalPort()),
          "127.0.0.2 does not reach a wildcard listener on this machine");
    }
  }

  @AfterEach
  void tearDown() {
    bed.close();
  }

  @Test
  void byDefaultTheEndpointListensOn127001Only() {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    InetSocketAddress byDefault =
        AgentOptions.parse(new String[] {"--printers", "line-1=127.0.0.1:9100"}, () -> "pi")
            .config()
            .statusAddress();
    // The default address with any free port, so that the test never meets another agent.
    Agent agent =
        bed.start(
            bed.config(printer)
                .statusAddress(new InetSocketAddress(byDefault.getAddress(), 0))
                .build());
    int port = agent.statusAddress().orElseThrow().getPort();

    assertThat(accepts("127.0.0.1", port)).as("on 127.0.0.1").isTrue();
    assertThat(accepts("127.0.0.2", port)).as("on 127.0.0.2").isFalse();
  }

  @Test
  void anAddressInUseLeavesTheAgentPrintingWithoutAnEndpoint() throws IOException {
    VirtualPrinter printer = bed.printer("line-1", Duration.ofMillis(10));
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Agent agent =
          bed.start(
              bed.config(printer)
                  .statusAddress(
                      new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort()))
                  .build());

      assertThat(agent.statusAddress()).isEmpty();
      String jobId = bed.submit("line-1", Priority.NORMAL, 3);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> bed.job(jobId).status() == JobStatus.COMPLETED);
    }
  }

  private static boolean accepts(String loopbackAddress, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(InetAddress.getByName(loopbackAddress), port), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
