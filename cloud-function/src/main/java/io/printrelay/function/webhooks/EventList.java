package io.printrelay.function.webhooks;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A profile's newest webhook events first. */
@Serdeable
public record EventList(List<EventView> events) {}
