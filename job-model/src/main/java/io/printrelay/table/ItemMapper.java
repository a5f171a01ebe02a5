package io.printrelay.table;

import static io.printrelay.table.JobTable.*;

import io.printrelay.model.Job;
import io.printrelay.model.JobStatus;
import io.printrelay.model.Label;
import io.printrelay.model.LabelSource;
import io.printrelay.model.LabelStatus;
import io.printrelay.model.Printer;
import io.printrelay.model.PrinterState;
import io.printrelay.model.Priority;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Translates the model to and from table items; the only place that knows both. */
public final class ItemMapper {
  private ItemMapper() {}

  public static Map<String, AttributeValue> jobItem(Job job) {
    Map<String, AttributeValue> item = new HashMap<>(ItemKeys.job(job.jobId()));
    item.put(TYPE, s(TYPE_JOB));
    item.put(JOB_ID, s(job.jobId()));
    item.put(PRINTER_ID, s(job.printerId()));
    item.put(PRIORITY, s(job.priority().wireName()));
    item.put(STATUS, s(job.status().wireName()));
    putIfPresent(item, REFERENCE, job.reference());
    item.put(TOTAL, n(job.total()));
    item.put(PRINTED, n(job.printed()));
    if (!job.failedLabels().isEmpty()) {
      item.put(FAILED_LABELS, ns(job.failedLabels()));
    }
    if (!job.uncertainLabels().isEmpty()) {
      item.put(UNCERTAIN_LABELS, ns(job.uncertainLabels()));
    }
    if (job.currentLabel() != null) {
      item.put(CURRENT_LABEL, n(job.currentLabel()));
    }
    if (job.inFlightLabel() != null) {
      item.put(IN_FLIGHT_LABEL, n(job.inFlightLabel()));
    }
    putIfPresent(item, PARENT_JOB_ID, job.parentJobId());
    putIfPresent(item, RESUMED_AS, job.resumedAs());
    putIfPresent(item, ERROR, job.error());
    item.put(CREATED_AT, s(ItemKeys.instant(job.createdAt())));
    item.put(CREATED_KEY, s(ItemKeys.timeKey(job.createdAt(), job.jobId())));
    item.put(ALL_JOBS, s(ALL_JOBS_VALUE));
    Instant enqueuedAt = job.enqueuedAt() == null ? job.createdAt() : job.enqueuedAt();
    item.put(ENQUEUED_AT, s(ItemKeys.instant(enqueuedAt)));
    putInstant(item, STARTED_AT, job.startedAt());
    putInstant(item, FINISHED_AT, job.finishedAt());
    item.put(DISPATCH_COUNT, n(job.dispatchCount()));
    if (!job.status().isFinal()) {
      item.put(ACTIVE_PRINTER_ID, s(job.printerId()));
      item.put(QUEUE_KEY, s(ItemKeys.timeKey(enqueuedAt, job.jobId())));
    }
    if (job.dispatchPending()) {
      item.put(UNDISPATCHED, s(UNDISPATCHED_VALUE));
    }
    if (job.deadLettered()) {
      item.put(DEAD_LETTERED, n(job.dispatchCount()));
    }
    Expiry.putFinished(item, job);
    return item;
  }

  public static Job job(Map<String, AttributeValue> item) {
    return new Job(
        str(item, JOB_ID),
        str(item, PRINTER_ID),
        Priority.parse(str(item, PRIORITY)).orElseThrow(),
        JobStatus.parse(str(item, STATUS)).orElseThrow(),
        str(item, REFERENCE),
        num(item, TOTAL, 0),
        num(item, PRINTED, 0),
        numbers(item, FAILED_LABELS),
        numbers(item, UNCERTAIN_LABELS),
        nullableNum(item, CURRENT_LABEL),
        nullableNum(item, IN_FLIGHT_LABEL),
        str(item, PARENT_JOB_ID),
        str(item, RESUMED_AS),
        str(item, ERROR),
        instant(item, CREATED_AT),
        instant(item, ENQUEUED_AT),
        instant(item, STARTED_AT),
        instant(item, FINISHED_AT),
        num(item, DISPATCH_COUNT, 0),
        item.containsKey(UNDISPATCHED),
        item.containsKey(DEAD_LETTERED));
  }

  /** A label has no expiry of its own: {@link Expiry} deletes it after its job finished. */
  public static Map<String, AttributeValue> labelItem(Label label) {
    Map<String, AttributeValue> item = new HashMap<>(ItemKeys.label(label.jobId(), label.index()));
    item.put(TYPE, s(TYPE_LABEL));
    item.put(JOB_ID, s(label.jobId()));
    item.put(INDEX, n(label.index()));
    item.put(STATUS, s(label.status().wireName()));
    item.put(UNCERTAIN, AttributeValue.fromBool(label.uncertain()));
    item.put(ATTEMPTS, n(label.attempts()));
    putIfPresent(item, ERROR, label.error());
    putInstant(item, PRINTED_AT, label.printedAt());
    if (label.content() != null) {
      item.put(CONTENT, AttributeValue.fromB(SdkBytes.fromByteArray(label.content())));
    }
    return item;
  }

  /** A label copied from another job (resume, reprint) records where it came from. */
  public static Map<String, AttributeValue> labelItem(Label label, LabelSource source) {
    Map<String, AttributeValue> item = labelItem(label);
    if (source != null) {
      item.put(SOURCE_JOB_ID, s(source.jobId()));
      item.put(SOURCE_INDEX, n(source.index()));
    }
    return item;
  }

  /** Where a copied label came from; null for a label submitted as it is. */
  public static LabelSource labelSource(Map<String, AttributeValue> item) {
    AttributeValue job = item.get(SOURCE_JOB_ID);
    AttributeValue index = item.get(SOURCE_INDEX);
    return job == null || index == null
        ? null
        : new LabelSource(job.s(), Integer.parseInt(index.n()));
  }

  /** Content is absent when the item was read with a projection that left it out. */
  public static Label label(Map<String, AttributeValue> item) {
    AttributeValue content = item.get(CONTENT);
    return new Label(
        str(item, JOB_ID),
        num(item, INDEX, 0),
        LabelStatus.parse(str(item, STATUS)).orElseThrow(),
        item.containsKey(UNCERTAIN) && Boolean.TRUE.equals(item.get(UNCERTAIN).bool()),
        num(item, ATTEMPTS, 0),
        str(item, ERROR),
        instant(item, PRINTED_AT),
        content == null ? null : content.b().asByteArray());
  }

  public static Printer printer(Map<String, AttributeValue> item) {
    return new Printer(
        str(item, PRINTER_ID),
        str(item, HOST),
        num(item, PORT, 0),
        str(item, AGENT_ID),
        instant(item, LAST_SEEN),
        PrinterState.parse(str(item, STATE)).orElse(PrinterState.OFFLINE),
        str(item, DETAIL),
        str(item, CURRENT_JOB_ID),
        item.containsKey(PAUSED) && Boolean.TRUE.equals(item.get(PAUSED).bool()));
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  public static AttributeValue ns(List<Integer> values) {
    return AttributeValue.fromNs(values.stream().map(String::valueOf).toList());
  }

  public static AttributeValue instantValue(Instant at) {
    return s(ItemKeys.instant(at));
  }

  private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
    if (value != null) {
      item.put(name, s(value));
    }
  }

  private static void putInstant(Map<String, AttributeValue> item, String name, Instant value) {
    if (value != null) {
      item.put(name, instantValue(value));
    }
  }

  private static String str(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static int num(Map<String, AttributeValue> item, String name, int absent) {
    AttributeValue value = item.get(name);
    return value == null ? absent : Integer.parseInt(value.n());
  }

  private static Integer nullableNum(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : Integer.valueOf(value.n());
  }

  private static List<Integer> numbers(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? List.of() : value.ns().stream().map(Integer::valueOf).toList();
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : Instant.parse(value.s());
  }
}
