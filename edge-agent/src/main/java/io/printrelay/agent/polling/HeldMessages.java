package io.printrelay.agent.polling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;

/**
 * Every message the agent holds, at most one per job. Redeliveries and re-sends are merged here:
 *
 * <ul>
 *   <li>the same message again (its visibility ran out and it came back): keep it, take the new
 *       receipt handle, since SQS only honours the latest one;
 *   <li>another message with a higher dispatch number (a resume or priority change re-sent the
 *       job): the held job is backed by it from now on and the older message is deleted;
 *   <li>another message with the same or a lower dispatch (a duplicate or a stale one): deleted.
 * </ul>
 *
 * State changes happen under one lock; SQS calls are made outside it.
 */
public final class HeldMessages {
  private static final Logger log = LoggerFactory.getLogger(HeldMessages.class);
  private static final int BATCH = 10; // SQS's limit per ChangeMessageVisibilityBatch

  private final SqsClient sqs;
  private final Map<String, HeldMessage> byJob = new HashMap<>();
  private long arrivals;

  public HeldMessages(SqsClient sqs) {
    this.sqs = sqs;
  }

  /** The new held job to route, or empty when the message was merged into one already held. */
  Optional<HeldMessage> admit(Received received) {
    String jobId = received.body().jobId();
    Received discard;
    synchronized (this) {
      HeldMessage held = byJob.get(jobId);
      if (held == null) {
        held = new HeldMessage(this, jobId, received.body().printerId(), received, ++arrivals);
        byJob.put(jobId, held);
        return Optional.of(held);
      }
      if (held.messageId().equals(received.messageId())) {
        held.redelivered(received.receiptHandle());
        return Optional.empty();
      }
      if (received.body().dispatch() > held.dispatch()) {
        discard = new Received(held.queueUrl(), held.messageId(), held.receiptHandle(), null);
        held.backBy(received, ++arrivals);
      } else {
        discard = received;
      }
    }
    log.atDebug()
        .addKeyValue("event", "message.duplicate")
        .addKeyValue("job", jobId)
        .addKeyValue("message", discard.messageId())
        .log("deleting a superseded or duplicate message");
    delete(discard.queueUrl(), discard.receiptHandle());
    return Optional.empty();
  }

  /** Deletes the message; with a dispatch, only if it still backs the job. */
  boolean complete(HeldMessage held, Integer dispatchSeen) {
    synchronized (this) {
      if (dispatchSeen != null && held.dispatch() != dispatchSeen) {
        return false;
      }
      if (!byJob.remove(held.jobId(), held)) {
        return true; // completed or released already
      }
    }
    delete(held.queueUrl(), held.receiptHandle());
    return true;
  }

  void release(HeldMessage held) {
    synchronized (this) {
      if (!byJob.remove(held.jobId(), held)) {
        return;
      }
    }
    changeVisibility(held.queueUrl(), held.receiptHandle(), Duration.ZERO);
  }

  void keepInvisible(HeldMessage held, Duration duration) {
    changeVisibility(held.queueUrl(), held.receiptHandle(), duration);
  }

  /** Releases every message held (graceful stop): a restarted agent receives them at once. */
  public void releaseAll() {
    List<HeldMessage> all;
    synchronized (this) {
      all = new ArrayList<>(byJob.values());
    }
    all.forEach(HeldMessage::release);
  }

  public synchronized int size() {
    return byJob.size();
  }

  /** The heartbeat: pushes every held message's visibility out, one batch call per 10. */
  public void keepAllInvisible(Duration duration) {
    Map<String, List<HeldMessage>> byQueue;
    synchronized (this) {
      byQueue = byJob.values().stream().collect(Collectors.groupingBy(HeldMessage::queueUrl));
    }
    byQueue.forEach(
        (queueUrl, messages) -> {
          for (int from = 0; from < messages.size(); from += BATCH) {
            extend(
                queueUrl,
                messages.subList(from, Math.min(from + BATCH, messages.size())),
                duration);
          }
        });
  }

  private void extend(String queueUrl, List<HeldMessage> messages, Duration duration) {
    List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      entries.add(
          ChangeMessageVisibilityBatchRequestEntry.builder()
              .id(Integer.toString(i))
              .receiptHandle(messages.get(i).receiptHandle())
              .visibilityTimeout((int) duration.toSeconds())
              .build());
    }
    try {
      sqs.changeMessageVisibilityBatch(b -> b.queueUrl(queueUrl).entries(entries))
          .failed()
          .forEach(
              f ->
                  log.atDebug()
                      .addKeyValue("event", "message.visibility_failed")
                      .addKeyValue("message", messages.get(Integer.parseInt(f.id())))
                      .addKeyValue("error", f.message())
                      .log("visibility not extended"));
    } catch (SdkException e) {
      log.atWarn()
          .addKeyValue("event", "message.visibility_failed")
          .addKeyValue("messages", entries.size())
          .addKeyValue("error", e.getMessage())
          .log("could not extend the visibility of held messages");
    }
  }

  private void delete(String queueUrl, String receiptHandle) {
    try {
      sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle));
    } catch (SdkException e) {
      // Gone already, or its receipt handle expired: a later delivery is merged or skipped.
      log.atWarn()
          .addKeyValue("event", "message.delete_failed")
          .addKeyValue("error", e.getMessage())
          .log("could not delete a message");
    }
  }

  private void changeVisibility(String queueUrl, String receiptHandle, Duration duration) {
    try {
      sqs.changeMessageVisibility(
          b ->
              b.queueUrl(queueUrl)
                  .receiptHandle(receiptHandle)
                  .visibilityTimeout((int) duration.toSeconds()));
    } catch (SdkException e) {
      log.atWarn()
          .addKeyValue("event", "message.visibility_failed")
          .addKeyValue("error", e.getMessage())
          .log("could not change a message's visibility");
    }
  }
}
