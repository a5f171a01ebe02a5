package io.printrelay.function.session;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Who the caller is: a signed-in operator, or an API key by its name.
 *
 * @param roles what they may do: integration, operator, viewer
 */
@Serdeable
public record Me(String username, List<String> roles) {
  public Me {
    roles = roles.stream().sorted().toList();
  }
}
