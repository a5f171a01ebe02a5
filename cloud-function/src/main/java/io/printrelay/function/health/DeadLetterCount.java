package io.printrelay.function.health;

import java.util.OptionalInt;

/** How many messages the dead-letter queues hold: what operators must look at. */
public interface DeadLetterCount {
  /** The approximate number of messages in them now; empty when they cannot be read. */
  OptionalInt count();
}
