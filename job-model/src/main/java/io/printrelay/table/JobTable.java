package io.printrelay.table;

/**
 * The single DynamoDB table's layout: every key shape, attribute and index name, in one place for
 * the function and the agent. Items:
 *
 * <pre>
 *   job          pk JOB#{jobId}         sk JOB
 *   label        pk JOB#{jobId}         sk LABEL#{index, 6 digits}   (a job and its labels: one Query)
 *   printer      pk PRINTER             sk {printerId}               (all printers: one Query)
 *   idempotency  pk IDEMPOTENCY#{scope}#{key}  sk IDEMPOTENCY
 *   label tally  pk SWEEP  sk LABEL_TALLY    ({@link LabelTallyItems})
 * </pre>
 *
 * Indexes are sparse: an item is in an index only while it has the index's key attributes. Progress
 * updates touch no index key, so a label printed writes no index. Only finished jobs and
 * idempotency records carry {@link #EXPIRES_AT} (DynamoDB TTL); labels never do ({@link Expiry}).
 */
public final class JobTable {
  private JobTable() {}

  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String TYPE = "type";
  public static final String EXPIRES_AT = "expiresAt";

  // Item types.
  public static final String TYPE_JOB = "job";
  public static final String TYPE_LABEL = "label";
  public static final String TYPE_PRINTER = "printer";
  public static final String TYPE_IDEMPOTENCY = "idempotency";

  // Job attributes.
  public static final String JOB_ID = "jobId";
  public static final String PRINTER_ID = "printerId";
  public static final String PRIORITY = "priority";
  public static final String STATUS = "status";
  public static final String REFERENCE = "reference";
  public static final String TOTAL = "total";
  public static final String PRINTED = "printed";
  public static final String FAILED_LABELS = "failedLabels";
  public static final String UNCERTAIN_LABELS = "uncertainLabels";
  public static final String CURRENT_LABEL = "currentLabel";
  public static final String IN_FLIGHT_LABEL = "inFlightLabel";

  /**
   * While an agent prints the job: the highest label it may send before the table hears from it
   * again. Another agent taking the job over flags the pending labels up to it as uncertain.
   */
  public static final String RESERVED_THROUGH = "reservedThrough";

  public static final String PARENT_JOB_ID = "parentJobId";

  /** On a failed or cancelled job: the job its resume made. Written once, with that job. */
  public static final String RESUMED_AS = "resumedAs";

  public static final String ERROR = "error";
  public static final String CREATED_AT = "createdAt";
  public static final String ENQUEUED_AT = "enqueuedAt";
  public static final String STARTED_AT = "startedAt";
  public static final String FINISHED_AT = "finishedAt";
  public static final String DISPATCH_COUNT = "dispatchCount";

  /**
   * The dispatch number whose message the dispatch sweep found in a dead-letter queue, while it is
   * the job's latest; the next dispatch claimed removes it.
   */
  public static final String DEAD_LETTERED = "deadLettered";

  /** When the dispatch sweep last sent a job again because it had waited too long. */
  public static final String RESENT_AT = "resentAt";

  // Label attributes (besides JOB_ID, STATUS, ERROR).
  public static final String INDEX = "index";
  public static final String UNCERTAIN = "uncertain";
  public static final String ATTEMPTS = "attempts";
  public static final String PRINTED_AT = "printedAt";
  public static final String CONTENT = "content";

  /** A copied label's origin (resume, reprint): the job and index it was first submitted as. */
  public static final String SOURCE_JOB_ID = "sourceJobId";

  public static final String SOURCE_INDEX = "sourceIndex";

  // Printer attributes (besides PRINTER_ID, ERROR).
  public static final String HOST = "host";
  public static final String PORT = "port";
  public static final String AGENT_ID = "agentId";
  public static final String LAST_SEEN = "lastSeen";
  public static final String STATE = "state";
  public static final String DETAIL = "detail";
  public static final String CURRENT_JOB_ID = "currentJobId";
  public static final String PAUSED = "paused";

  /** Until when (epoch seconds) the agent named in {@link #AGENT_ID} holds the printer's lease. */
  public static final String LEASE_EXPIRES = "leaseExpires";

  /** All jobs, newest first. KEYS_ONLY: hash {@link #ALL_JOBS}, range {@link #CREATED_KEY}. */
  public static final String BY_CREATED_INDEX = "byCreated";

  public static final String ALL_JOBS = "allJobs";
  public static final String ALL_JOBS_VALUE = "JOBS";
  public static final String CREATED_KEY = "createdKey";

  /**
   * One printer's jobs, newest first. KEYS_ONLY: hash {@link #PRINTER_ID}, range {@link
   * #CREATED_KEY}.
   */
  public static final String BY_PRINTER_INDEX = "byPrinter";

  /**
   * Jobs not yet final, per printer, in queue order. Hash {@link #ACTIVE_PRINTER_ID}, range {@link
   * #QUEUE_KEY}; projects jobId, status and priority. Removed from a job when it ends.
   */
  public static final String ACTIVE_INDEX = "active";

  public static final String ACTIVE_PRINTER_ID = "activePrinterId";
  public static final String QUEUE_KEY = "queueKey";

  /**
   * Jobs stored whose queue message is not confirmed sent. KEYS_ONLY, hash {@link #UNDISPATCHED}.
   */
  public static final String UNDISPATCHED_INDEX = "undispatched";

  public static final String UNDISPATCHED = "undispatched";
  public static final String UNDISPATCHED_VALUE = "1";

  /**
   * Finished jobs whose labels are still stored, oldest finish first: what the label expiry reads
   * ({@link Expiry}). Hash {@link #FINISHED}, range {@link #FINISHED_KEY}; projects {@link #TOTAL}.
   * Set by the final status write, removed once the job's labels are deleted.
   */
  public static final String FINISHED_INDEX = "finished";

  public static final String FINISHED = "finished";
  public static final String FINISHED_VALUE = "1";
  public static final String FINISHED_KEY = "finishedKey";

  // Idempotency attributes (besides JOB_ID, CREATED_AT, EXPIRES_AT).
  public static final String IDEMPOTENCY_SK = "IDEMPOTENCY";

  /** Hex SHA-256 of the request that claimed the key (absent on claims that compare none). */
  public static final String REQUEST_SHA256 = "requestSha256";

  public static final String JOB_SK = "JOB";
  public static final String LABEL_SK_PREFIX = "LABEL#";
  public static final String PRINTER_PK = "PRINTER";
}
