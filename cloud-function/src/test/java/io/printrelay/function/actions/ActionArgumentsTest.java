package io.printrelay.function.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.http.JsonBody;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.model.Priority;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The action bodies as the API binds them, then checks them. */
class ActionArgumentsTest {
  private static final JsonBody BODY = new JsonBody(JsonMapper.createDefault());

  @Test
  void labelsKeepTheirOrderAndRepeats() {
    assertThat(ActionArguments.labels(reprint("{\"labels\":[3,1,3]}"), 3)).containsExactly(3, 1, 3);
    assertThat(ActionArguments.labels(reprint("{\"labels\":[500]}"), 500)).containsExactly(500);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"labels\":[4]}",
        "{\"labels\":[-1]}",
        "{\"labels\":[2.0]}",
        "{\"labels\":[true]}",
        "{\"labels\":[[1]]}",
        "{\"labels\":null}",
        "[1,2]",
        "{\"labels\":[99999999999999999999]}"
      })
  void labelsOutsideTheJobOrNotWholeNumbersAreRefused(String body) {
    assertThatThrownBy(() -> ActionArguments.labels(reprint(body), 3))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> assertThat(invalid.errors().get(0).field()).isEqualTo("labels"));
  }

  @Test
  void aPriorityIsOneOfTheThreeTiers() {
    assertThat(ActionArguments.priority(priority("{\"priority\":\"low\"}")))
        .isEqualTo(Priority.LOW);
    assertThatThrownBy(() -> ActionArguments.priority(priority("{\"priority\":\"HIGH\"}")))
        .isInstanceOf(InvalidInput.class);
  }

  private static ReprintRequest reprint(String text) {
    return BODY.bindFields(json(text), ReprintRequest.class);
  }

  private static PriorityRequest priority(String text) {
    return BODY.bindFields(json(text), PriorityRequest.class);
  }

  private static JsonNode json(String text) {
    try {
      return JsonMapper.createDefault().readValue(text, JsonNode.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
