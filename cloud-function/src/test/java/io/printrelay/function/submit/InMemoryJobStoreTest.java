package io.printrelay.function.submit;

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
}
