package io.printrelay.function.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How hard password guessing at {@code POST /login} is made: failed sign-ins are counted per user
 * name and per source address; past the limit within the window every further attempt for that name
 * or address waits, first {@code firstDelay}, doubling with each failure after it up to {@code
 * maxDelay}.
 *
 * @param maxFailuresPerUser failures of one user name within the window before attempts wait
 * @param maxFailuresPerAddress the same per source address: higher, as a commissary's devices may
 *     share one public address
 */
@ConfigurationProperties("printrelay.sign-in")
public record SignInSettings(
    @Bindable(defaultValue = "5") @Min(1) int maxFailuresPerUser,
    @Bindable(defaultValue = "20") @Min(1) int maxFailuresPerAddress,
    @Bindable(defaultValue = "15m") @NotNull Duration window,
    @Bindable(defaultValue = "1m") @NotNull Duration firstDelay,
    @Bindable(defaultValue = "15m") @NotNull Duration maxDelay) {}
