package io.printrelay.agent.polling;

import io.printrelay.model.Priority;
import java.time.Duration;

/**
 * A {@link HeldJob} backed by one SQS message. Its fields change only under {@link HeldMessages}'s
 * lock (a redelivery brings a new receipt handle, a re-send a new message); they are volatile so a
 * worker reading the tier or arrival sees the latest.
 */
final class HeldMessage implements HeldJob {
  private final HeldMessages owner;
  private final String jobId;
  private final String printerId;
  private volatile String queueUrl;
  private volatile String messageId;
  private volatile String receiptHandle;
  private volatile Priority priority;
  private volatile int dispatch;
  private volatile long arrival;

  HeldMessage(HeldMessages owner, String jobId, String printerId, Received received, long arrival) {
    this.owner = owner;
    this.jobId = jobId;
    this.printerId = printerId;
    backBy(received, arrival);
  }

  /** Backs this job by another message of it (caller holds the owner's lock). */
  void backBy(Received received, long arrival) {
    this.queueUrl = received.queueUrl();
    this.messageId = received.messageId();
    this.receiptHandle = received.receiptHandle();
    this.priority = received.body().priority();
    this.dispatch = received.body().dispatch();
    this.arrival = arrival;
  }

  /** Same message delivered again: only its receipt handle is new (caller holds the lock). */
  void redelivered(String newReceiptHandle) {
    this.receiptHandle = newReceiptHandle;
  }

  String printerId() {
    return printerId;
  }

  String queueUrl() {
    return queueUrl;
  }

  String messageId() {
    return messageId;
  }

  String receiptHandle() {
    return receiptHandle;
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public Priority priority() {
    return priority;
  }

  @Override
  public int dispatch() {
    return dispatch;
  }

  @Override
  public long arrival() {
    return arrival;
  }

  @Override
  public void keepInvisible(Duration duration) {
    owner.keepInvisible(this, duration);
  }

  @Override
  public void complete() {
    owner.complete(this, null);
  }

  @Override
  public boolean completeUnlessReplaced(int dispatchSeen) {
    return owner.complete(this, dispatchSeen);
  }

  @Override
  public void release() {
    owner.release(this);
  }

  @Override
  public String toString() {
    return "job " + jobId + " (" + priority.wireName() + ", dispatch " + dispatch + ")";
  }
}
