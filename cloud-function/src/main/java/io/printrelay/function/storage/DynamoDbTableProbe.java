package io.printrelay.function.storage;

import io.printrelay.function.config.PrintrelaySettings;
import io.printrelay.function.health.HealthProbe;
import io.printrelay.table.ItemKeys;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Reads one (probably absent) item: proves the table exists and this role may read it. */
@Singleton
public class DynamoDbTableProbe implements HealthProbe {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbTableProbe.class);

  private final DynamoDbClient db;
  private final String table;

  public DynamoDbTableProbe(DynamoDbClient db, PrintrelaySettings settings) {
    this.db = db;
    this.table = settings.table();
  }

  @Override
  public String name() {
    return "job table";
  }

  @Override
  public boolean reachable() {
    try {
      db.getItem(b -> b.tableName(table).key(ItemKeys.printer("health-probe")));
      return true;
    } catch (SdkException e) {
      LOG.warn("Health: table {} unreachable: {}", table, e.getMessage());
      return false;
    }
  }
}
