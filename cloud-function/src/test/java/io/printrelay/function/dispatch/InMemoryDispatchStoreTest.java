package io.printrelay.function.dispatch;

import io.printrelay.function.intake.InMemoryJobStore;
import io.printrelay.model.Job;
import java.util.Optional;

class InMemoryDispatchStoreTest extends DispatchStoreContract {
  private final InMemoryJobStore store = new InMemoryJobStore();

  @Override
  protected DispatchStore store() {
    return store;
  }

  @Override
  protected void given(Job job) {
    store.create(job, Optional.empty());
  }

  @Override
  protected Job stored(String jobId) {
    return store.job(jobId).orElseThrow();
  }
}
