package io.printrelay.function.webhooks;

import java.time.Instant;

/**
 * @param tokenSha256 hex SHA-256 of the profile's current token; the token itself is shown once
 */
public record IntakeProfile(
    String profileId,
    ProfileSettings settings,
    String tokenSha256,
    Instant createdAt,
    Instant updatedAt) {}
