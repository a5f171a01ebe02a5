package io.printrelay.function.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.printrelay.function.config.OperatorSettings;
import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.security.PasswordHashes.Encoded;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator accounts of {@code printrelay.operators} and {@code printrelay.operator-accounts},
 * checked at start (a weak or malformed hash, or a name given twice, fails the start) and at
 * sign-in.
 *
 * <p>An unknown user name costs the same PBKDF2 work as a wrong password, against a stand-in hash
 * with the highest configured iteration count, so the time a sign-in takes does not tell which user
 * names exist.
 *
 * <p>Each account has a credential fingerprint, derived from its password hash: a session carries
 * the fingerprint it was opened with, so configuring a new hash (a password change) ends every
 * session opened with the old one.
 */
@Context
public class OperatorAccounts {
  private static final String USERNAME = "[A-Za-z0-9._@-]{1,64}";

  private record Account(Operator operator, Encoded hash, String credential) {}

  private final Map<String, Account> accounts = new HashMap<>();
  private final Encoded standIn;

  public OperatorAccounts(List<OperatorSettings> configured, PrintrelaySettings settings) {
    int iterations = PasswordHashes.MIN_ITERATIONS;
    for (OperatorSettings account : all(configured, settings.operatorAccounts())) {
      Encoded hash = parse(account);
      iterations = Math.max(iterations, hash.iterations());
      Account previous =
          accounts.put(
              account.username(),
              new Account(
                  new Operator(account.username(), account.role()), hash, fingerprint(hash)));
      if (previous != null) {
        throw new IllegalArgumentException(
            "operator " + account.username() + " is configured twice");
      }
    }
    this.standIn = new Encoded(iterations, new byte[16], new byte[32]);
  }

  /** The operator whose password this is; empty for a wrong password or an unknown user. */
  public Optional<Operator> signIn(String username, String password) {
    Account account = accounts.get(username);
    boolean matches = PasswordHashes.matches(password, account == null ? standIn : account.hash());
    return matches && account != null ? Optional.of(account.operator()) : Optional.empty();
  }

  /** The account as configured now: a session outlives neither its account nor a role change. */
  public Optional<Operator> find(String username) {
    return Optional.ofNullable(accounts.get(username)).map(Account::operator);
  }

  /**
   * A fingerprint of the account's current password hash: 96 bits of SHA-256 over its salt and
   * derived key. It changes whenever the hash does (a new salt each time), and says nothing about
   * the password without the salt, which only the configuration holds.
   */
  public Optional<String> credential(String username) {
    return Optional.ofNullable(accounts.get(username)).map(Account::credential);
  }

  private static String fingerprint(Encoded hash) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(Integer.toString(hash.iterations()).getBytes(StandardCharsets.US_ASCII));
      sha256.update(hash.salt());
      sha256.update(hash.hash());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(Arrays.copyOf(sha256.digest(), 12));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // "ana:operator:pbkdf2-sha256$…,wall:viewer:pbkdf2-sha256$…": no hash or name holds , or :.
  private static List<OperatorSettings> all(
      List<OperatorSettings> configured, @Nullable String commaSeparated) {
    List<OperatorSettings> all = new ArrayList<>(configured);
    if (commaSeparated != null) {
      for (String entry : commaSeparated.split(",")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] parts = entry.strip().split(":");
        if (parts.length != 3 || !parts[0].matches(USERNAME) || !Roles.PEOPLE.contains(parts[1])) {
          throw new IllegalArgumentException(
              "printrelay.operator-accounts: expected"
                  + " username:operator|viewer:password-hash entries, separated by commas");
        }
        all.add(new OperatorSettings(parts[0], parts[2], parts[1]));
      }
    }
    return all;
  }

  private static Encoded parse(OperatorSettings settings) {
    try {
      return PasswordHashes.parse(settings.passwordHash());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "operator " + settings.username() + ": password-hash " + e.getMessage(), e);
    }
  }
}
