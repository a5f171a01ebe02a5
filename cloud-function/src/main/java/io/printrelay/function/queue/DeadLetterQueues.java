package io.printrelay.function.queue;

import java.util.List;

/**
 * The dead-letter queues of the three priority queues, as the dispatch sweep reads them: SQS parks
 * a message there after too many receives without a delete (see {@code QueueProvisioner}).
 */
public interface DeadLetterQueues {
  /**
   * Up to {@code max} of their messages, each hidden from other readers until deleted or put back
   * (or, should the reader die, for a short while), so that one read gets past the first ones. SQS
   * FIFO holds back the rest of a message group while one of it is hidden, so one read sees at most
   * a receive's worth (10) of each printer's.
   */
  List<DeadLetter> read(int max);
}
