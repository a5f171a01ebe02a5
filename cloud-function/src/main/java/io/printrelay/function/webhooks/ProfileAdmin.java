package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.problem.Conflict;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.problem.NotFound;
import io.printrelay.model.JobId;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** Creating, changing, listing and deleting intake profiles, and rotating their tokens. */
@Singleton
public class ProfileAdmin {
  static final int MAX_EVENTS = 200;

  private final ProfileStore store;
  private final ApiKeySeal seal;
  private final Clock clock;

  public ProfileAdmin(ProfileStore store, ApiKeySeal seal, Clock clock) {
    this.store = store;
    this.seal = seal;
    this.clock = clock;
  }

  /** A new profile; its token is in the answer, and nowhere else ever after. */
  public ProfileView create(ProfileSettings settings) {
    ProfileRules.check(settings);
    String token = IntakeTokens.next();
    Instant now = now();
    String profileId = JobId.next();
    IntakeProfile profile =
        new IntakeProfile(
            profileId, sealed(settings, profileId, null), IntakeTokens.sha256Hex(token), now, now);
    store.create(profile);
    return ProfileView.of(profile, token);
  }

  public ProfileView change(String profileId, ProfileSettings settings) {
    IntakeProfile before = existing(profileId);
    ProfileRules.check(settings);
    if (!store.change(profileId, sealed(settings, profileId, before.settings().odoo()), now())) {
      throw new NotFound("intake profile", profileId);
    }
    return ProfileView.of(existing(profileId));
  }

  /** A new token; the old one answers 404 from now on. */
  public ProfileView rotate(String profileId) {
    IntakeProfile profile = existing(profileId);
    String token = IntakeTokens.next();
    if (!store.rotate(profile, IntakeTokens.sha256Hex(token), now())) {
      throw new Conflict("the profile's token changed meanwhile; rotate again if still needed");
    }
    return ProfileView.of(existing(profileId), token);
  }

  public void delete(String profileId) {
    if (!store.delete(existing(profileId))) {
      throw new Conflict("the profile's token changed meanwhile; delete again if still needed");
    }
  }

  public ProfileList list() {
    return new ProfileList(
        store.all().stream()
            .sorted(Comparator.comparing((IntakeProfile p) -> p.settings().name()))
            .map(ProfileView::of)
            .toList());
  }

  public ProfileView profile(String profileId) {
    return ProfileView.of(existing(profileId));
  }

  public EventList events(String profileId, int limit) {
    existing(profileId);
    List<EventView> events =
        store.recentEvents(profileId, limit).stream().map(e -> EventView.of(e, false)).toList();
    return new EventList(events);
  }

  /**
   * The settings as stored: the Odoo API key sealed, or the one stored before kept when none is
   * sent.
   */
  private ProfileSettings sealed(
      ProfileSettings settings, String profileId, @Nullable ProfileSettings.OdooConnection before) {
    ProfileSettings.OdooConnection odoo = settings.odoo();
    if (odoo == null) {
      return settings;
    }
    String apiKey;
    if (odoo.apiKey() != null && !odoo.apiKey().isEmpty()) {
      apiKey = seal.seal(odoo.apiKey(), profileId);
    } else if (before != null && before.apiKey() != null) {
      apiKey = before.apiKey();
    } else {
      throw InvalidInput.of("odoo.apiKey", "is required: the API key of the Odoo user");
    }
    return settings.withOdoo(
        new ProfileSettings.OdooConnection(
            odoo.url(), odoo.api(), odoo.database(), odoo.user(), apiKey));
  }

  private IntakeProfile existing(String profileId) {
    if (!JobId.isValid(profileId)) {
      throw new NotFound("intake profile", profileId);
    }
    return store.profile(profileId).orElseThrow(() -> new NotFound("intake profile", profileId));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
