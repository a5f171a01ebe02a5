package io.printrelay.function.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A profile's newest webhook events first. None is written as [], not left out (serde's default).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EventList(List<EventView> events) {}
