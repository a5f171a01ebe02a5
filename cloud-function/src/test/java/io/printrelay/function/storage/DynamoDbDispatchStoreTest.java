package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.dispatch.DispatchStore;
import io.printrelay.function.dispatch.DispatchStoreContract;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import io.printrelay.model.Job;
import io.printrelay.table.ItemMapper;

class DynamoDbDispatchStoreTest extends DispatchStoreContract {
  private static final Sandbox SANDBOX = EmbeddedSandbox.newSandbox();
  private final DispatchStore store =
      new DynamoDbDispatchStore(
          SANDBOX.dynamoDb(), new PrintrelaySettings(SANDBOX.table(), "unused", null, null));

  @Override
  protected DispatchStore store() {
    return store;
  }

  @Override
  protected void given(Job job) {
    SANDBOX.dynamoDb().putItem(b -> b.tableName(SANDBOX.table()).item(ItemMapper.jobItem(job)));
  }

  @Override
  protected Job stored(String jobId) {
    return SANDBOX.job(jobId);
  }
}
