package io.printrelay.virtualprinter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class HostStatusTest {

  @Test
  void wireFormatFollowsTheZplManualLayout() {
    HostStatus status = new HostStatus(true, false, 1218, 3, false, false, false, 1);
    String[] lines = status.toWire().split("\r\n", -1);
    assertThat(lines).hasSize(4); // three strings, each ending CR LF
    assertThat(lines[3]).isEmpty();
    assertThat(lines[0]).isEqualTo("\u0002030,1,0,1218,003,0,0,0,000,0,0,0\u0003");
    assertThat(lines[1]).isEqualTo("\u0002001,0,0,0,0,2,6,0,00000001,1,000\u0003");
    assertThat(lines[2]).isEqualTo("\u00021234,0\u0003");
  }

  @Test
  void roundTrips() throws IOException {
    HostStatus status = new HostStatus(false, true, 812, 7, true, true, true, 42);
    assertThat(HostStatus.parse(status.toWire())).isEqualTo(status);
    assertThat(HostStatus.readFrom(new ByteArrayInputStream(status.toBytes()))).isEqualTo(status);
  }

  @Test
  void rejectsMalformedResponses() {
    assertThatThrownBy(() -> HostStatus.parse("\u0002030,0,0\u0003\r\n"))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] truncated =
        new HostStatus(false, false, 0, 0, false, false, false, 0)
            .toWire()
            .substring(0, 20)
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> HostStatus.readFrom(new ByteArrayInputStream(truncated)))
        .isInstanceOf(EOFException.class);
  }
}
