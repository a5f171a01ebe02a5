package io.printrelay.function.session;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import io.printrelay.function.config.SessionSettings;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * "Sign out everywhere": ends every session of the caller's account, on every device, from the next
 * request on. Only a signed-in person has sessions: an API key gets a 403.
 */
@Singleton
public class SignOutEverywhere {
  private final SessionRevocations revocations;
  private final SessionSettings settings;
  private final Clock clock;

  public SignOutEverywhere(SessionRevocations revocations, SessionSettings settings, Clock clock) {
    this.revocations = revocations;
    this.settings = settings;
    this.clock = clock;
  }

  public void signOut(Authentication caller) {
    if (!SessionAuthenticationFetcher.VIA_SESSION.equals(
        caller.getAttributes().get(SessionAuthenticationFetcher.VIA))) {
      throw new AuthorizationException(caller);
    }
    Instant now = clock.instant();
    // Sessions opened before now expire within one lifetime; the cut-off is not needed after.
    revocations.endSessionsBefore(caller.getName(), now, now.plus(settings.lifetime()));
  }
}
