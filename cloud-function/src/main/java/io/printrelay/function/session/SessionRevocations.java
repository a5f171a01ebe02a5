package io.printrelay.function.session;

import java.time.Instant;
import java.util.Optional;

/**
 * Where "sign out everywhere" is kept: per account, the instant before which its sessions are over.
 * Sessions are signed cookies with no server state, so this cut-off is what reaches the ones on
 * other devices.
 */
public interface SessionRevocations {
  /**
   * The account's cut-off, read strongly consistent: once a sign-out everywhere has answered, no
   * session it ended passes on any instance. One read per request a session makes.
   */
  Optional<Instant> validAfter(String username);

  /**
   * Ends every session of the account opened before {@code at}. Kept until {@code keepUntil}, when
   * all of them have expired anyway. A later cut-off already in place stays.
   */
  void endSessionsBefore(String username, Instant at, Instant keepUntil);
}
