package io.printrelay.function.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Operator password hashes: PBKDF2-HMAC-SHA256 from the JDK, 210 000 iterations (OWASP's figure for
 * this function), a 16-byte random salt, written {@code pbkdf2-sha256$210000$<salt, base64>$<hash,
 * base64>}. Comparison is constant-time.
 *
 * <p>To make a hash for configuration (e.g. for the Lambda's {@code
 * PRINTRELAY_OPERATOR_ACCOUNTS=operator:operator:<hash>}): {@code java -cp
 * cloud-function/target/printrelay-function-lambda.jar
 * io.printrelay.function.security.PasswordHashes}, then type the password (it is not echoed).
 */
public final class PasswordHashes {
  public static final int MIN_ITERATIONS = 210_000;
  private static final String SCHEME = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHashes() {}

  /** A new hash of the password, with a fresh salt. */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return format(new Encoded(MIN_ITERATIONS, salt, derive(password, salt, MIN_ITERATIONS)));
  }

  /** Whether the password is the one hashed; always takes the hash's full work. */
  public static boolean matches(String password, Encoded encoded) {
    byte[] candidate = derive(password, encoded.salt(), encoded.iterations());
    return MessageDigest.isEqual(candidate, encoded.hash());
  }

  /**
   * Reads a configured hash.
   *
   * @throws IllegalArgumentException naming what is wrong, never echoing the value
   */
  public static Encoded parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "expected " + SCHEME + "$<iterations>$<salt>$<hash>, as PasswordHashes makes it");
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      Encoded encoded =
          new Encoded(
              iterations,
              Base64.getDecoder().decode(parts[2]),
              Base64.getDecoder().decode(parts[3]));
      if (iterations < MIN_ITERATIONS
          || encoded.salt().length < SALT_BYTES
          || encoded.hash().length != HASH_BYTES) {
        throw new IllegalArgumentException(
            "too weak: at least "
                + MIN_ITERATIONS
                + " iterations, a 16-byte salt and a 32-byte hash are required");
      }
      return encoded;
    } catch (NumberFormatException notNumbers) {
      throw new IllegalArgumentException("the iterations or base64 parts are not readable");
    }
  }

  /** A parsed hash; {@link #parse} accepts only strong ones. */
  public record Encoded(int iterations, byte[] salt, byte[] hash) {}

  static String format(Encoded encoded) {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return SCHEME
        + "$"
        + encoded.iterations()
        + "$"
        + base64.encodeToString(encoded.salt())
        + "$"
        + base64.encodeToString(encoded.hash());
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Prints the hash of a password typed on the console (not echoed) or given on stdin. */
  public static void main(String[] args) throws IOException {
    Console console = System.console();
    String password;
    if (console != null) {
      char[] typed = console.readPassword("Password to hash: ");
      password = typed == null ? null : new String(typed);
    } else {
      password =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    if (password == null || password.isEmpty()) {
      System.err.println("No password given.");
      System.exit(2);
    }
    System.out.println(hash(password));
  }
}
