package io.printrelay.agent.polling;

import io.printrelay.queue.JobMessage;

/** One message as received from a queue, its body parsed. */
record Received(String queueUrl, String messageId, String receiptHandle, JobMessage body) {}
