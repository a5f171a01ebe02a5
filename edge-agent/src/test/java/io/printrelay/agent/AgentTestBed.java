package io.printrelay.agent;

import static io.printrelay.testing.Jobs.aJob;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.printrelay.agent.printing.Backoff;
import io.printrelay.agent.printing.PrinterEndpoint;
import io.printrelay.agent.printing.TcpLabelPrinter;
import io.printrelay.agent.progress.DynamoDbProgress;
import io.printrelay.model.Job;
import io.printrelay.model.Label;
import io.printrelay.model.Printer;
import io.printrelay.model.Priority;
import io.printrelay.queue.JobMessage;
import io.printrelay.queue.JobMessages;
import io.printrelay.table.ItemKeys;
import io.printrelay.table.ItemMapper;
import io.printrelay.testing.Jobs;
import io.printrelay.testing.SharedEmbeddedAws;
import io.printrelay.testing.SharedEmbeddedAws.Sandbox;
import io.printrelay.virtualprinter.VirtualPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The real parts around an agent under test: a fresh table and queues on the shared embedded SQS
 * and DynamoDB, virtual printers on loopback, and jobs seeded as the cloud function's submit stores
 * and sends them. Labels carry their job and index, so what a printer printed can be traced back.
 *
 * <p>It does not act as an operator: pausing, cancelling, resuming or re-prioritising a job and
 * pausing a printer are the function's to write, so tests that need them live in {@code local/},
 * which runs the function's own action code on the same table and queues (its {@code
 * OperatorTestBed}). Copies of those writes here drifted from the real ones.
 */
public final class AgentTestBed implements AutoCloseable {
  private static final Pattern LABEL = Pattern.compile("job=([^ ]+) label=(\\d+)");

  public final Sandbox aws = SharedEmbeddedAws.newSandbox();
  private final List<VirtualPrinter> printers = new ArrayList<>();
  private final List<Agent> agents = new ArrayList<>();

  /** One data directory for every agent of the bed: a restarted agent finds its journal. */
  private final Path dataDir = createTempDir();

  public VirtualPrinter printer(String name, Duration perLabel) {
    VirtualPrinter printer = VirtualPrinter.start(name, 0, perLabel);
    printers.add(printer);
    return printer;
  }

  public Path dataDir() {
    return dataDir;
  }

  private static Path createTempDir() {
    try {
      return Files.createTempDirectory("printrelay-agent-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Test timings: 1 s polls, quick rechecks and retries, short visibility. */
  public AgentConfig.Builder config(VirtualPrinter... served) {
    List<PrinterEndpoint> endpoints = new ArrayList<>();
    for (VirtualPrinter printer : served) {
      endpoints.add(new PrinterEndpoint(printer.name(), "127.0.0.1", printer.port()));
    }
    return AgentConfig.builder()
        .agentId("test-agent")
        .dataDir(dataDir)
        .table(aws.table())
        .queueNames(aws.queueNames())
        .printers(endpoints)
        .pollWait(Duration.ofSeconds(1))
        .visibility(Duration.ofSeconds(6), Duration.ofSeconds(2))
        .printerHeartbeat(Duration.ofSeconds(1))
        .recheck(Duration.ofMillis(200))
        .backoff(new Backoff(Duration.ofMillis(50), 2, Duration.ofMillis(200), 3))
        .timeouts(
            new TcpLabelPrinter.Timeouts(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  public Agent start(AgentConfig config) {
    Agent agent = Agent.start(config, aws.sqs(), aws.dynamoDb());
    agents.add(agent);
    return agent;
  }

  /** An agent on its own clients, e.g. ones that reach the emulators through a forwarder. */
  public Agent start(AgentConfig config, SqsClient sqs, DynamoDbClient dynamoDb) {
    Agent agent = Agent.start(config, sqs, dynamoDb);
    agents.add(agent);
    return agent;
  }

  public Agent start(VirtualPrinter... served) {
    return start(config(served).build());
  }

  /** Stores a queued job with {@code labels} labels and sends its message, as the function does. */
  public String submit(String printerId, Priority priority, int labels) {
    String jobId = store(printerId, priority, labels, Instant.now(), false);
    send(jobId, printerId, priority, 1);
    return jobId;
  }

  /**
   * Stores a queued job created at {@code createdAt} whose message was never sent: marked
   * undispatched, as a submit whose send failed leaves it for the dispatch sweep.
   */
  public String storeUnsent(String printerId, Priority priority, int labels, Instant createdAt) {
    return store(printerId, priority, labels, createdAt, true);
  }

  private String store(
      String printerId, Priority priority, int labels, Instant createdAt, boolean unsent) {
    String jobId = UUID.randomUUID().toString();
    List<WriteRequest> writes = new ArrayList<>();
    for (int i = 1; i <= labels; i++) {
      Label label = Label.pending(jobId, i, zpl(jobId, i).getBytes(UTF_8));
      writes.add(
          WriteRequest.builder().putRequest(p -> p.item(ItemMapper.labelItem(label))).build());
    }
    for (int from = 0; from < writes.size(); from += 25) {
      List<WriteRequest> batch = writes.subList(from, Math.min(from + 25, writes.size()));
      aws.dynamoDb().batchWriteItem(b -> b.requestItems(Map.of(aws.table(), batch)));
    }
    Jobs job =
        aJob()
            .id(jobId)
            .on(printerId)
            .priority(priority)
            .labels(labels)
            .reference("test")
            .createdAt(createdAt);
    Job built = (unsent ? job.undispatched(1) : job.dispatched(1)).build();
    aws.dynamoDb().putItem(b -> b.tableName(aws.table()).item(ItemMapper.jobItem(built)));
    return jobId;
  }

  /** Sends dispatch {@code dispatch} of a job, with its FIFO ids, as the function does. */
  public void send(String jobId, String printerId, Priority priority, int dispatch) {
    aws.sqs().sendMessage(sendRequest(jobId, printerId, priority, dispatch));
  }

  /**
   * The same message once more under another deduplication id, so that SQS does not drop it: the
   * agent receives a job's dispatch twice, as when SQS delivers a message again.
   */
  public void sendDuplicate(String jobId, String printerId, Priority priority, int dispatch) {
    SendMessageRequest first = sendRequest(jobId, printerId, priority, dispatch);
    aws.sqs()
        .sendMessage(
            first.toBuilder()
                .messageDeduplicationId(first.messageDeduplicationId() + "-again")
                .build());
  }

  private SendMessageRequest sendRequest(
      String jobId, String printerId, Priority priority, int dispatch) {
    return JobMessages.sendRequest(
        aws.queueUrls().of(priority), new JobMessage(jobId, printerId, priority, dispatch));
  }

  public static String zpl(String jobId, int index) {
    return "^XA^FO30,30^A0N,40^FDjob=" + jobId + " label=" + index + "^FS^XZ";
  }

  /** The label indexes of this job in a printer's output, in printed order. */
  public static List<Integer> printedIndexes(VirtualPrinter printer, String jobId) {
    List<Integer> indexes = new ArrayList<>();
    for (String format : printer.printed()) {
      Matcher m = LABEL.matcher(format);
      if (m.find() && m.group(1).equals(jobId)) {
        indexes.add(Integer.parseInt(m.group(2)));
      }
    }
    return indexes;
  }

  /**
   * Waits until the printer has printed exactly these labels of the job, in this order. A label
   * counts as printed by the agent once it left the printer's buffer; the printer itself lists it
   * one print time later.
   */
  public static void awaitPrinted(VirtualPrinter printer, String jobId, List<Integer> expected) {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(printedIndexes(printer, jobId)).containsExactlyElementsOf(expected));
  }

  /** Waits until every label 1..total of the job was printed; answers how often each was. */
  public static Map<Integer, Long> awaitEveryLabel(
      VirtualPrinter printer, String jobId, int total) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> new HashSet<>(printedIndexes(printer, jobId)).size() == total);
    return printedIndexes(printer, jobId).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  public static List<Integer> range(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** The job ids in the order their first label was printed. */
  public static List<String> jobOrder(VirtualPrinter printer) {
    List<String> order = new ArrayList<>();
    for (String format : printer.printed()) {
      Matcher m = LABEL.matcher(format);
      if (m.find() && !order.contains(m.group(1))) {
        order.add(m.group(1));
      }
    }
    return order;
  }

  public Job job(String jobId) {
    return ItemMapper.job(
        aws.dynamoDb()
            .getItem(b -> b.tableName(aws.table()).key(ItemKeys.job(jobId)).consistentRead(true))
            .item());
  }

  public List<Label> labels(String jobId) {
    return toList(new DynamoDbProgress(aws.dynamoDb(), aws.table()).labels(jobId));
  }

  private static List<Label> toList(Iterable<Label> labels) {
    List<Label> list = new ArrayList<>();
    labels.forEach(list::add);
    return list;
  }

  public Printer printerItem(String printerId) {
    return ItemMapper.printer(
        aws.dynamoDb()
            .getItem(
                b -> b.tableName(aws.table()).key(ItemKeys.printer(printerId)).consistentRead(true))
            .item());
  }

  /** Visible plus in-flight messages in a tier's queue. */
  public int messages(Priority priority) {
    Map<QueueAttributeName, String> attributes =
        aws.sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(aws.queueUrls().of(priority))
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
        + Integer.parseInt(
            attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** Messages received and not yet deleted or given back: held by an agent. */
  public int heldMessages(Priority priority) {
    return Integer.parseInt(
        aws.sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(aws.queueUrls().of(priority))
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  /** Messages a consumer could receive right now. */
  public int visibleMessages(Priority priority) {
    return Integer.parseInt(
        aws.sqs()
            .getQueueAttributes(
                b ->
                    b.queueUrl(aws.queueUrls().of(priority))
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
  }

  public int allMessages() {
    int total = 0;
    for (Priority priority : Priority.values()) {
      total += messages(priority);
    }
    return total;
  }

  @Override
  public void close() {
    agents.forEach(Agent::halt);
    printers.forEach(VirtualPrinter::close);
  }
}
