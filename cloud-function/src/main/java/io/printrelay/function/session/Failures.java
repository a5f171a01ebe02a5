package io.printrelay.function.session;

import java.time.Instant;

/**
 * Failed sign-ins counted against one user name or one source address.
 *
 * @param windowStart the first failure of this count
 * @param lastFailure the latest one, from which a wait is measured
 */
public record Failures(int count, Instant windowStart, Instant lastFailure) {}
