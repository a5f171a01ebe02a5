package io.printrelay.function.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How printers are shown.
 *
 * @param offlineAfter a printer whose agent has been silent this long shows as offline, whatever it
 *     last reported: agents send a heartbeat every 15 s, so the default allows two to be lost
 */
@ConfigurationProperties("printrelay.printers")
public record PrinterSettings(@Bindable(defaultValue = "45s") @NotNull Duration offlineAfter) {}
