package io.printrelay.table;

import java.util.regex.Pattern;

/**
 * DynamoDB's table name rule, written once for the function, the agent and the stack:
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
 */
public final class TableName {
  public static final String DEFAULT = "printrelay";
  public static final String PATTERN = "[A-Za-z0-9_.-]{3,255}";
  public static final String RULE = "3-255 of A-Z a-z 0-9 _ . -";
  private static final Pattern VALID = Pattern.compile(PATTERN);

  private TableName() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }
}
