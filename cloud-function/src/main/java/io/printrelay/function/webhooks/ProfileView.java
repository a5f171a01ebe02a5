package io.printrelay.function.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * An intake profile as docs/api.md#intake-profiles shows it. The token and the intake path that
 * holds it are shown once, when the profile is created or its token rotated, and null otherwise:
 * only the token's hash is kept. The Odoo API key is never shown; the Odoo API in effect always is.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProfileView(
    String profileId,
    String name,
    @Nullable String model,
    ProfileSettings.PrinterRule printer,
    String template,
    Map<String, String> fields,
    ProfileSettings.QuantityRule quantity,
    @Nullable String priority,
    @Nullable String reference,
    @Nullable ProfileSettings.OdooConnection odoo,
    @Nullable String statusUrl,
    String createdAt,
    String updatedAt,
    @Nullable String token,
    @Nullable String intakePath) {

  static ProfileView of(IntakeProfile profile) {
    return of(profile, null);
  }

  static ProfileView of(IntakeProfile profile, @Nullable String token) {
    ProfileSettings settings = profile.settings();
    return new ProfileView(
        profile.profileId(),
        settings.name(),
        settings.model(),
        settings.printer(),
        settings.template(),
        settings.fields(),
        settings.quantity(),
        settings.priority(),
        settings.reference(),
        settings.odoo() == null ? null : shown(settings.odoo()),
        settings.statusUrl(),
        profile.createdAt().toString(),
        profile.updatedAt().toString(),
        token,
        token == null ? null : OdooWebhookController.PATH + "/" + token);
  }

  private static ProfileSettings.OdooConnection shown(ProfileSettings.OdooConnection odoo) {
    String api = OdooApi.named(odoo.api()).map(OdooApi::wireName).orElse(odoo.api());
    return new ProfileSettings.OdooConnection(odoo.url(), api, odoo.database(), odoo.user(), null);
  }
}
