package io.printrelay.function.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The dispatch sweep: re-sends jobs stored but never confirmed enqueued, and queued jobs whose
 * message may be lost.
 *
 * @param enabled runs the sweep on a timer in this process (`printrelay local`); in AWS an
 *     EventBridge schedule invokes {@code DispatchSweepHandler} instead
 * @param grace how old an undispatched job must be before the sweep touches it, so that it never
 *     races a submit that is still between its store and its send
 * @param staleAfter how long a queued job may wait, ahead of everything its working printer prints,
 *     before the sweep sends it again in case its message was lost (dead-lettered, deleted); and
 *     how long before it sends the same job again
 * @param stalePerPrinter at most this many such re-sends are tried per printer and run: bounds the
 *     cost of a run whatever the backlog
 */
@ConfigurationProperties("printrelay.dispatch-sweep")
public record DispatchSweepSettings(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "10s") @NotNull Duration interval,
    @Bindable(defaultValue = "30s") @NotNull Duration grace,
    @Bindable(defaultValue = "5m") @NotNull Duration staleAfter,
    @Bindable(defaultValue = "10") @Min(1) int stalePerPrinter) {}
