package io.printrelay.function.webhooks;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.problem.InvalidInput;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the Odoo API keys of intake profiles before they are stored: AES-256-GCM under the SHA-256
 * of {@code printrelay.intake.secret-key} (at least 32 characters, e.g. {@code openssl rand -base64
 * 32}; {@code PRINTRELAY_INTAKE_SECRET_KEY}; hashed so that any generated secret string serves), a
 * fresh 12-byte nonce per key, the profile's id as associated data (a sealed key copied to another
 * profile does not open). The table holds only the sealed text; the API never answers it. Without a
 * secret key, profiles that read from Odoo cannot be created.
 */
@Singleton
public class ApiKeySeal {
  static final String PROPERTY = "printrelay.intake.secret-key";
  private static final String PREFIX = "aesgcm1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  public ApiKeySeal(@Nullable @Property(name = PROPERTY) String secretKey) {
    if (secretKey == null || secretKey.isBlank()) {
      this.key = null;
      return;
    }
    if (secretKey.strip().length() < 32) {
      throw new IllegalArgumentException(PROPERTY + " must be at least 32 characters");
    }
    try {
      this.key =
          new SecretKeySpec(
              MessageDigest.getInstance("SHA-256")
                  .digest(secretKey.strip().getBytes(StandardCharsets.UTF_8)),
              "AES");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  String seal(String apiKey, String profileId) {
    if (key == null) {
      throw InvalidInput.of(
          "odoo.apiKey", "cannot be stored: the API has no " + PROPERTY + " configured");
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(profileId.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
      return PREFIX
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is in every JDK", e);
    }
  }

  /**
   * @throws IllegalStateException when it cannot be opened (another secret key, another profile)
   */
  String open(String sealed, String profileId) {
    if (key == null || !sealed.startsWith(PREFIX)) {
      throw new IllegalStateException("the profile's Odoo API key cannot be opened");
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(profileId.getBytes(StandardCharsets.UTF_8));
      return new String(
          cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("the profile's Odoo API key cannot be opened", e);
    }
  }
}
