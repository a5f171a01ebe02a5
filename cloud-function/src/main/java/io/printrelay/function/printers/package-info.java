/**
 * Printers over HTTP: as their agents registered and last reported them, with their queues, and the
 * operator's pause, resume and clear.
 */
package io.printrelay.function.printers;
