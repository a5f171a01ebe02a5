package io.printrelay.function.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The dispatch sweep: re-sends jobs stored but never confirmed enqueued.
 *
 * @param enabled runs the sweep on a timer in this process (`printrelay local`); in AWS an
 *     EventBridge schedule invokes {@code DispatchSweepHandler} instead
 * @param grace how old an undispatched job must be before the sweep touches it, so that it never
 *     races a submit that is still between its store and its send
 */
@ConfigurationProperties("printrelay.dispatch-sweep")
public record DispatchSweepSettings(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "10s") @NotNull Duration interval,
    @Bindable(defaultValue = "30s") @NotNull Duration grace) {}
