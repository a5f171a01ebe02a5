package io.printrelay.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class SessionItemsTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.250Z");
  private final Sandbox sandbox = SharedEmbeddedAws.newSandbox();

  @Test
  void anAccountWithoutACutOffHasNone() {
    assertThat(SessionItems.validAfter(read("ana"))).isEmpty();
  }

  @Test
  void theCutOffIsKeptToTheMillisecondWithItsExpiry() {
    end("ana", NOW);

    assertThat(SessionItems.validAfter(read("ana"))).contains(NOW);
    assertThat(read("ana").get(JobTable.EXPIRES_AT).n())
        .isEqualTo(Long.toString(NOW.plusSeconds(3600).getEpochSecond()));
    assertThat(SessionItems.validAfter(read("bo"))).isEmpty();
  }

  @Test
  void theCutOffOnlyMovesForward() {
    end("ana", NOW);
    end("ana", NOW.plusMillis(1));

    assertThatExceptionOfType(ConditionalCheckFailedException.class)
        .isThrownBy(() -> end("ana", NOW));
    assertThat(SessionItems.validAfter(read("ana"))).contains(NOW.plusMillis(1));
  }

  private void end(String username, Instant at) {
    sandbox
        .dynamoDb()
        .updateItem(
            SessionItems.endSessionsBefore(username, at, at.plusSeconds(3600))
                .request(sandbox.table()));
  }

  private Map<String, AttributeValue> read(String username) {
    return sandbox.dynamoDb().getItem(SessionItems.read(sandbox.table(), username)).item();
  }
}
