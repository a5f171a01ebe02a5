package io.printrelay.function.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;

/**
 * Operator sign-in sessions.
 *
 * @param secret signs the session cookies (HMAC-SHA256); at least 32 characters. Required on Lambda
 *     ({@code PRINTRELAY_SESSION_SECRET}), where every cold start would otherwise sign with a new
 *     random key and sign everybody out; elsewhere absent means a random key per process
 * @param secure whether cookies are marked Secure; absent: when the request came over HTTPS
 *     (directly, or per {@code X-Forwarded-Proto} as API Gateway sends it)
 * @param lifetime how long a sign-in lasts
 */
@ConfigurationProperties("printrelay.session")
public record SessionSettings(
    @Nullable @Size(min = 32) String secret,
    @Nullable Boolean secure,
    @Bindable(defaultValue = "12h") @NotNull Duration lifetime) {}
