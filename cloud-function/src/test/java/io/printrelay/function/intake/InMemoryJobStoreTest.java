package io.printrelay.function.intake;

import io.printrelay.model.Job;
import java.util.Optional;

class InMemoryJobStoreTest extends JobStoreContract {
  private final InMemoryJobStore store = new InMemoryJobStore();

  @Override
  protected JobStore store() {
    return store;
  }

  @Override
  protected void registerPrinter(String printerId) {
    store.printers.add(printerId);
  }

  @Override
  protected int labelCount(String jobId) {
    return store.labelCount(jobId);
  }

  @Override
  protected Optional<Job> stored(String jobId) {
    return store.job(jobId);
  }
}
