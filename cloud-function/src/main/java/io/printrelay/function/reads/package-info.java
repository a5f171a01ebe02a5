/**
 * The one read port over the table ({@link io.printrelay.function.reads.Reads}): jobs, their
 * labels, printers and their queues, for every feature that shows or decides on them.
 */
package io.printrelay.function.reads;
