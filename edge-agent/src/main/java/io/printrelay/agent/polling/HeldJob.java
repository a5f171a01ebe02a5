package io.printrelay.agent.polling;

import io.printrelay.model.Priority;
import java.time.Duration;

/**
 * A queue message held by the agent on behalf of one job: the job's claim on its printer's time.
 * The table says what to do with the job; the message only has to be kept out of other consumers'
 * sight while the job waits or prints, then deleted or given back.
 *
 * <p>At most one is held per job: a redelivery or a re-send of the same job is merged into it (see
 * {@link HeldMessages}), so a job is never handed to a printer twice. When a re-send with a higher
 * dispatch number arrives (a resume or a priority change), the held job takes over its tier and
 * arrival, and the older message is deleted.
 */
public interface HeldJob {
  String jobId();

  /** The tier of the message currently backing this job. */
  Priority priority();

  /** Which send of the job backs it now (1 for the first); grows with re-sends. */
  int dispatch();

  /**
   * Order of arrival at this agent. Print order is the table's (the job's {@code QueuePlace}); this
   * only orders jobs no longer in the table.
   */
  long arrival();

  /** Keeps the message out of sight for this long from now. */
  void keepInvisible(Duration duration);

  /** The job needs this message no more: delete it. */
  void complete();

  /**
   * Deletes the message only if it is still the dispatch the caller decided on. False when a newer
   * dispatch replaced it meanwhile (say the job was resumed just after we saw it paused): nothing
   * is deleted and the job must be looked at again.
   */
  boolean completeUnlessReplaced(int dispatchSeen);

  /** Gives the message back at once (visibility 0), e.g. at shutdown, so a restart gets it. */
  void release();
}
