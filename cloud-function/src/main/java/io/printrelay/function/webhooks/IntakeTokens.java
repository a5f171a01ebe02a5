package io.printrelay.function.webhooks;

import io.printrelay.function.security.ApiKeyRegistry;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Intake tokens: 32 random bytes, URL-safe base64, so a token is a path segment as it stands. Only
 * its SHA-256 is stored; a path segment of any other shape names no profile and costs no read.
 */
final class IntakeTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

  private IntakeTokens() {}

  static String next() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static boolean wellFormed(String token) {
    return token != null && SHAPE.matcher(token).matches();
  }

  static String sha256Hex(String token) {
    return ApiKeyRegistry.sha256Hex(token);
  }
}
