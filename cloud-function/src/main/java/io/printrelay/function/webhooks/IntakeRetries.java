package io.printrelay.function.webhooks;

import io.printrelay.function.dispatch.SweepPass;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispatch sweep's pass over intake events whose jobs are still to be made and are due: an
 * event whose webhook call ended before it was settled (a crash, a table error) is made into jobs
 * here, under the same Idempotency-Keys, so none is made twice.
 */
@Singleton
public class IntakeRetries implements SweepPass {
  private final ProfileStore store;
  private final WebhookIntake intake;
  private final Clock clock;

  public IntakeRetries(ProfileStore store, WebhookIntake intake, Clock clock) {
    this.store = store;
    this.intake = intake;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "intake events";
  }

  /** Returns how many events it settled. */
  @Override
  public int run() {
    Instant now = clock.instant();
    List<ProfileStore.Pending> due =
        store.pending().stream().filter(p -> !p.dueAt().isAfter(now)).toList();
    int settled = 0;
    for (ProfileStore.Pending pending : due) {
      Optional<IntakeEvent> event = store.event(pending.profileId(), pending.eventKey());
      if (event.isEmpty() || event.get().status() != IntakeEvent.Status.RECEIVED) {
        store.dropPending(pending.profileId(), pending.eventKey());
        continue;
      }
      if (intake.retry(event.get(), pending).status() != IntakeEvent.Status.RECEIVED) {
        settled++;
      }
    }
    return settled;
  }
}
