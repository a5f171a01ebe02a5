package io.printrelay.function.jobs;

import static io.printrelay.function.testing.ProblemAssert.assertProblem;
import static io.printrelay.function.testing.Requests.withLabels;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.printrelay.function.testing.ApiClient.Reply;
import io.printrelay.function.testing.ApiTestBase;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which printer commands a key may send (docs/api.md#printer-commands): a label's own settings
 * always; the printer's configuration and raw bytes only with the key's capabilities; commands that
 * make the printer answer, and prefix changes, never.
 */
@MicronautTest
class PrinterCommandsHttpTest extends ApiTestBase {

  @BeforeAll
  void registerPrinter() {
    sandbox.registerPrinter("line-1");
  }

  @Test
  void anyKeyMaySendALabelsOwnSettings() {
    String zpl = "^XA^PR4,4~SD15~TA000^MNW^MTD^PW812^LL1218^CI28^FO30,30^FDHS JU ID^FS^XZ";

    Reply reply = api.submit(withLabels("line-1", "[{\"zpl\":\"" + zpl + "\"}]"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(label(reply.text("jobId"), 1)).isEqualTo(zpl);
  }

  @Test
  void aKeyWithPrinterConfigAndRawMaySaveSettingsAndSendRawBytes() {
    Reply reply =
        submitAsInstaller(
            withLabels(
                "line-1", "[{\"zpl\":\"^XA^JUS^NS,10.0.0.9^XZ\"},{\"raw\":\"ISBVMSBzZXR2YXI=\"}]"));

    assertThat(reply.status()).isEqualTo(201);
    assertThat(label(reply.text("jobId"), 1)).isEqualTo("^XA^JUS^NS,10.0.0.9^XZ");
  }

  @Test
  void noKeyMaySendACommandThatMakesThePrinterAnswerOrChangesThePrefixes() {
    Reply reply =
        submitAsInstaller(
            withLabels("line-1", "[{\"zpl\":\"^XA~HS^FDa^FS^XZ\"},{\"zpl\":\"^XA~CT#^XZ\"}]"));

    assertProblem(reply, 422);
    assertThat(reply.body().get("errors").size()).isEqualTo(2);
    assertThat(sandbox.messagesWaiting()).isZero();
  }

  private Reply submitAsInstaller(String body) {
    return api.send(
        HttpRequest.POST("/v1/jobs", body)
            .contentType(MediaType.APPLICATION_JSON)
            .bearerAuth(EmbeddedSandbox.INSTALLER_KEY));
  }

  private String label(String jobId, int index) {
    return new String(
        ItemMapper.label(
                sandbox
                    .dynamoDb()
                    .getItem(b -> b.tableName(sandbox.table()).key(ItemKeys.label(jobId, index)))
                    .item())
            .content(),
        StandardCharsets.UTF_8);
  }
}
