package io.printrelay.function.session;

import io.printrelay.function.config.SignInSettings;
import io.printrelay.function.problem.TooManySignIns;
import io.printrelay.function.session.SignInCounters.Counted;
import io.printrelay.function.session.SignInCounters.Key;
import io.printrelay.function.session.SignInCounters.Replacement;
import jakarta.inject.Singleton;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Slows password guessing down: failed sign-ins count per user name and per source address, each
 * under its {@link SignInPolicy}. An attempt is counted as a failure <em>before</em> its password
 * is checked, in one conditional write for both counts; a success then takes it back. So attempts
 * sent all at once cannot slip past the limit between a check and a count: each must win its write,
 * and the ones after the limit wait (429). A success clears the user name's count, not the
 * address's: one person signing in does not vouch for everyone behind that address.
 *
 * <p>User names are counted by their SHA-256, so the table never holds what someone typed into the
 * user field (sometimes a password). IPv6 addresses count per /64, the block one subscriber usually
 * holds; IPv4 addresses one by one.
 */
@Singleton
public class SignInThrottle {
  /** Rounds of read and compare-and-set before a crowd of simultaneous attempts is turned away. */
  static final int ROUNDS = 5;

  private static final Duration CROWDED = Duration.ofSeconds(1);

  private final SignInCounters counters;
  private final SignInPolicy perUser;
  private final SignInPolicy perAddress;
  private final Clock clock;

  public SignInThrottle(SignInCounters counters, SignInSettings settings, Clock clock) {
    this.counters = counters;
    this.perUser =
        new SignInPolicy(
            settings.maxFailuresPerUser(),
            settings.window(),
            settings.firstDelay(),
            settings.maxDelay());
    this.perAddress =
        new SignInPolicy(
            settings.maxFailuresPerAddress(),
            settings.window(),
            settings.firstDelay(),
            settings.maxDelay());
    this.clock = clock;
  }

  /**
   * Counts an attempt for the user name from the address, or refuses it.
   *
   * @throws TooManySignIns when either count must wait, naming the longer wait
   */
  public Attempt begin(String username, Optional<InetAddress> source) {
    Key user = new Key("user", sha256(username));
    Key address = new Key("address", source.map(SignInThrottle::addressId).orElse("unknown"));
    for (int round = 0; round < ROUNDS; round++) {
      Instant now = clock.instant();
      Counted userCount = counters.read(user);
      Counted addressCount = counters.read(address);
      Duration wait =
          longer(
              perUser.waitBefore(userCount.failures(), now),
              perAddress.waitBefore(addressCount.failures(), now));
      if (!wait.isZero()) {
        throw new TooManySignIns(wait);
      }
      Failures userNext = perUser.afterFailure(userCount.failures(), now);
      Failures addressNext = perAddress.afterFailure(addressCount.failures(), now);
      if (counters.replace(
          List.of(
              new Replacement(user, userCount.version(), userNext, perUser.forgetAt(userNext)),
              new Replacement(
                  address,
                  addressCount.version(),
                  addressNext,
                  perAddress.forgetAt(addressNext))))) {
        return new Attempt(user, address, addressNext.windowStart());
      }
    }
    throw new TooManySignIns(CROWDED);
  }

  /** An attempt counted as a failure until it proves right. */
  public final class Attempt {
    private final Key user;
    private final Key address;
    private final Instant addressWindow;

    private Attempt(Key user, Key address, Instant addressWindow) {
      this.user = user;
      this.address = address;
      this.addressWindow = addressWindow;
    }

    /** The password was right: the user name starts afresh, the address gets its attempt back. */
    public void succeeded() {
      counters.clear(user);
      counters.takeBack(address, addressWindow);
    }
  }

  static String addressId(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] prefix = Arrays.copyOf(address.getAddress(), 8);
      return HexFormat.of().formatHex(prefix) + "/64";
    }
    return address.getHostAddress();
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
