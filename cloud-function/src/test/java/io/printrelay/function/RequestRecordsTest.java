package io.printrelay.function;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.actions.PriorityRequest;
import io.printrelay.function.submit.SubmitRequest;
import io.printrelay.function.webhooks.ProfileSettings;
import io.printrelay.model.Priority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one documented fact of the request records that an annotation cannot take from the rule
 * itself (an enum's wire names are not constants): the tiers they list are exactly the priorities.
 */
class RequestRecordsTest {

  @ParameterizedTest
  @ValueSource(classes = {SubmitRequest.class, PriorityRequest.class, ProfileSettings.class})
  void theDocumentedTiersAreExactlyThePriorities(Class<? extends Record> request)
      throws NoSuchFieldException {
    // @Schema does not target record components: javac puts it on the field.
    Schema priority = request.getDeclaredField("priority").getAnnotation(Schema.class);

    assertThat(priority.allowableValues())
        .containsExactly(
            Arrays.stream(Priority.values()).map(Priority::wireName).toArray(String[]::new));
  }
}
