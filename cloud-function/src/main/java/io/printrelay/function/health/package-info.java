/**
 * {@code GET /health}: whether the API can reach its table and queues, and how many messages its
 * dead-letter queues hold.
 */
package io.printrelay.function.health;
