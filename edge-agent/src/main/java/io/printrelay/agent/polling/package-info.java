/**
 * Long-polling the three priority FIFO queues and holding each message as a {@link
 * io.printrelay.agent.polling.HeldJob}: a capability to keep it invisible, delete it or let it go.
 * Receipt handles and the SqsClient never leave this package.
 */
package io.printrelay.agent.polling;
