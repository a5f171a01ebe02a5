/**
 * Printing: one worker per printer, one job at a time, labels in index order, each label one whole
 * format on the wire, recorded in the table before and after. {@link
 * io.printrelay.agent.printing.LabelPrinter} is the only thing that talks to a printer.
 */
package io.printrelay.agent.printing;
