package io.printrelay.function.session;

import java.time.Instant;

/**
 * A signed-in operator's session, as carried (signed) in the session cookie.
 *
 * @param csrfToken random per sign-in; every change the session makes must echo it in {@code
 *     X-CSRF-Token}, which only script from this origin can read (from the {@code printrelay_csrf}
 *     cookie)
 * @param issuedAt when it was opened (to the millisecond): a sign-out everywhere ends the sessions
 *     opened before it
 * @param credential the fingerprint of the account's password hash at sign-in ({@code
 *     OperatorAccounts.credential}): a new hash ends the session
 */
public record Session(
    String username,
    String role,
    String csrfToken,
    Instant issuedAt,
    Instant expiresAt,
    String credential) {}
