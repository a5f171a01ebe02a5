/** The SQS contract: queue names, the job message and its FIFO group and dedup ids. */
package io.printrelay.queue;
