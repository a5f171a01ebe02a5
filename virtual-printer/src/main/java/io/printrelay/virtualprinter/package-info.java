/**
 * A virtual Zebra on raw port 9100 for tests and {@code printrelay local}: {@link
 * io.printrelay.virtualprinter.VirtualPrinter} is the printer, {@link
 * io.printrelay.virtualprinter.PrinterMain} is {@code printrelay printer}. Kept out of the agent's
 * jar, and free of the job model and AWS, so it stands in for any printer on the LAN.
 */
package io.printrelay.virtualprinter;
