package io.printrelay.function.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OdooApiTest {

  @Test
  void aConnectionNamingNoApiReadsOverJsonRpcAsBeforeTheChoiceExisted() {
    assertThat(OdooApi.named(null)).contains(OdooApi.JSON_RPC);
    assertThat(OdooApi.named("json-2")).contains(OdooApi.JSON_2);
    assertThat(OdooApi.named("xml-rpc")).isEmpty();
  }

  @Test
  void theDocumentedApisAreExactlyTheOnesRead() throws NoSuchFieldException {
    // @Schema does not target record components: javac puts it on the field.
    Schema api =
        ProfileSettings.OdooConnection.class.getDeclaredField("api").getAnnotation(Schema.class);

    assertThat(api.allowableValues())
        .containsExactly(
            Arrays.stream(OdooApi.values()).map(OdooApi::wireName).toArray(String[]::new));
    assertThat(api.defaultValue()).isEqualTo(OdooApi.JSON_RPC.wireName());
  }
}
