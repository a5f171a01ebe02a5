package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Which of Odoo's external APIs a profile reads the record through
 * (docs/api.md#reading-the-record-from-odoo).
 */
enum OdooApi {
  /** {@code POST /jsonrpc}, {@code execute_kw}: every Odoo version; deprecated since Odoo 19. */
  JSON_RPC("json-rpc"),
  /** {@code POST /json/2/{model}/{method}} with the API key as bearer: Odoo 19 and later. */
  JSON_2("json-2");

  private final String wireName;

  OdooApi(String wireName) {
    this.wireName = wireName;
  }

  /** The name in a profile's {@code odoo.api}. */
  String wireName() {
    return wireName;
  }

  /**
   * The API a profile names; none named is JSON-RPC, so profiles stored before the choice existed
   * read as they always did.
   */
  static Optional<OdooApi> named(@Nullable String name) {
    if (name == null) {
      return Optional.of(JSON_RPC);
    }
    for (OdooApi api : values()) {
      if (api.wireName.equals(name)) {
        return Optional.of(api);
      }
    }
    return Optional.empty();
  }
}
