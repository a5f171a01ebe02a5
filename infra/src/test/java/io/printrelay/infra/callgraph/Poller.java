package io.printrelay.infra.callgraph;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Run by the JDK, not by our code: reached because something constructs it. */
public final class Poller implements Runnable {
  private final SqsClient sqs;

  public Poller(SqsClient sqs) {
    this.sqs = sqs;
  }

  @Override
  public void run() {
    sqs.changeMessageVisibilityBatch(b -> b.queueUrl("q"));
  }
}
