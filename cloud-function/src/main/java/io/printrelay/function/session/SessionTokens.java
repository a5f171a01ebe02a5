package io.printrelay.function.session;

import io.printrelay.function.config.SessionSettings;
import io.printrelay.function.security.Operator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Session tokens: {@code base64url(v2 \n user \n role \n issued \n expiry \n csrf \n credential) .
 * base64url(HMAC-SHA256)}. Stateless, so a Lambda needs no session store; the signature (checked in
 * constant time) makes them unforgeable, the expiry bounds a stolen cookie. What ends a session
 * early is checked where sessions are authenticated ({@link SessionAuthenticationFetcher}): the
 * account's credential and its sign-out-everywhere cut-off. Tokens of the first format (v1) carry
 * neither and are no longer accepted: their holders sign in again.
 */
@Singleton
public class SessionTokens {
  private static final String VERSION = "v2";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SessionKey key;
  private final SessionSettings settings;

  public SessionTokens(SessionKey key, SessionSettings settings) {
    this.key = key;
    this.settings = settings;
  }

  /** A new session for the operator, bound to their credential, with a fresh CSRF token. */
  public Session open(Operator operator, String credential, Instant now) {
    byte[] csrf = new byte[32];
    RANDOM.nextBytes(csrf);
    return new Session(
        operator.username(),
        operator.role(),
        ENCODER.encodeToString(csrf),
        now.truncatedTo(ChronoUnit.MILLIS),
        now.truncatedTo(ChronoUnit.SECONDS).plus(settings.lifetime()),
        credential);
  }

  /** Nothing when sessions can be signed; a 503 when sign-in is not configured. */
  public void requireSigningKey() {
    key.required();
  }

  /** The signed token for the session cookie; 503 when sign-in is not configured. */
  public String encode(Session session) {
    String payload =
        ENCODER.encodeToString(
            String.join(
                    "\n",
                    VERSION,
                    session.username(),
                    session.role(),
                    Long.toString(session.issuedAt().toEpochMilli()),
                    Long.toString(session.expiresAt().getEpochSecond()),
                    session.csrfToken(),
                    session.credential())
                .getBytes(StandardCharsets.UTF_8));
    return payload + "." + ENCODER.encodeToString(mac(key.required(), payload));
  }

  /**
   * The session a token carries, if it is well-formed, signed by us and not expired. A session
   * lasts at most the lifetime configured now, so shortening it shortens the sessions already open.
   */
  public Optional<Session> decode(String token, Instant now) {
    Optional<byte[]> signingKey = key.key();
    int dot = token.indexOf('.');
    if (signingKey.isEmpty() || dot < 1) {
      return Optional.empty();
    }
    String payload = token.substring(0, dot);
    try {
      byte[] presented = DECODER.decode(token.substring(dot + 1));
      if (!MessageDigest.isEqual(presented, mac(signingKey.get(), payload))) {
        return Optional.empty();
      }
      String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n");
      if (parts.length != 7 || !parts[0].equals(VERSION)) {
        return Optional.empty();
      }
      Session session =
          new Session(
              parts[1],
              parts[2],
              parts[5],
              Instant.ofEpochMilli(Long.parseLong(parts[3])),
              Instant.ofEpochSecond(Long.parseLong(parts[4])),
              parts[6]);
      boolean live =
          session.expiresAt().isAfter(now)
              && session.issuedAt().plus(settings.lifetime()).isAfter(now);
      return live ? Optional.of(session) : Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static byte[] mac(byte[] key, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
