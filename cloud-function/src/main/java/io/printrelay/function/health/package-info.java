/** {@code GET /health}: whether the API can reach its table and queues. */
package io.printrelay.function.health;
