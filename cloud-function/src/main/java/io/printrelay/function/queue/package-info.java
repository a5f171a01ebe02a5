/** Sending job messages to the SQS FIFO queue of their priority. */
package io.printrelay.function.queue;
