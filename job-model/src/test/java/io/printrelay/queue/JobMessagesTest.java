package io.printrelay.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.printrelay.model.Job;
import io.printrelay.model.Priority;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

class JobMessagesTest {
  private final JobMessage message = new JobMessage("job-1", "line-1", Priority.HIGH, 2);

  @Test
  void bodyRoundTrips() {
    assertThat(JobMessages.parse(JobMessages.body(message))).isEqualTo(message);
  }

  @Test
  void groupsByPrinterAndDeduplicatesByJobAndDispatch() {
    SendMessageRequest request = JobMessages.sendRequest("http://queue", message);
    assertThat(request.messageGroupId()).isEqualTo("line-1");
    assertThat(request.messageDeduplicationId()).isEqualTo("job-1-2");
  }

  @Test
  void aJobsMessageCarriesItsLatestClaimedDispatch() {
    Job job =
        Job.accepted("job-2", "line-2", Priority.LOW, null, 300, null, Instant.EPOCH)
            .withDispatch(3, true);
    assertThat(JobMessage.of(job)).isEqualTo(new JobMessage("job-2", "line-2", Priority.LOW, 3));
  }

  @Test
  void skipsUnknownFieldsSoTheFormatCanGrow() {
    String body =
        "{\"jobId\":\"j\",\"extra\":{\"a\":[1]},\"printerId\":\"p\",\"priority\":\"low\"}";
    assertThat(JobMessages.parse(body)).isEqualTo(new JobMessage("j", "p", Priority.LOW, 1));
  }

  @Test
  void rejectsBodiesThatAreNotJobMessages() {
    assertThatThrownBy(() -> JobMessages.parse("[]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobMessages.parse("{\"jobId\":\"j\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> JobMessages.parse("{\"jobId\":\"j\",\"printerId\":\"p\",\"priority\":\"asap\"}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesQueuesPerPriorityWithFifoDeadLetterQueues() {
    QueueNames names = new QueueNames("printrelay");
    assertThat(names.queue(Priority.NORMAL)).isEqualTo("printrelay-normal.fifo");
    assertThat(names.deadLetterQueue(Priority.LOW)).isEqualTo("printrelay-low-dlq.fifo");
  }
}
