package io.printrelay.function.printers;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a clear: how many waiting jobs of the printer were cancelled. */
@Serdeable
public record ClearedQueue(String printerId, int cancelled) {}
