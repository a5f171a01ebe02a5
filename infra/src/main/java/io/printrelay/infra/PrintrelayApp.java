package io.printrelay.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/*
 * Deploying Printrelay (from infra/, with the AWS CDK CLI: npm install -g aws-cdk):
 *
 *   (cd .. && ./mvnw -pl cloud-function -am -DskipTests package)   # the Lambda jar
 *   cdk bootstrap                                                  # once per account/region
 *   java -cp ../cloud-function/target/printrelay-function-lambda.jar \
 *       io.printrelay.function.security.PasswordHashes             # per operator: a hash
 *   cdk deploy -c 'apiKeys=[{"name":"odoo","sha256":"<hex SHA-256 of the key>"},
 *         {"name":"installer","sha256":"...","capabilities":["printer-config","raw"]}]' \
 *       -c 'operatorAccounts=ana:operator:pbkdf2-sha256$210000$...,wall:viewer:pbkdf2-sha256$...'
 *
 * Single quotes keep the shell off the JSON's quotes and the hashes' $ signs. apiKeys entries
 * take the fields of the function's printrelay.api-keys[i] (roles default to integration,
 * capabilities to none; see NamedApiKey); -c apiKeySha256=<hash>[,<hash>...] still gives keys
 * with no name or capability. Operator roles: operator (reads and acts) or viewer (reads only).
 * Optional context: -c queuePrefix=printrelay -c tableName=printrelay
 * -c functionJar=../cloud-function/target/printrelay-function-lambda.jar, and the API's throttle
 * and concurrency -c apiRateLimit=25 -c apiBurstLimit=50 -c apiReservedConcurrency=50 (see
 * ApiLimits); alarms and logs -c alarmEmail=oncall@example.com -c logRetentionDays=30
 * -c queueAgeMinutes=30 -c api5xxPercent=5 -c offlinePrinterMinutes=5 -c sweepFailedRuns=3 (see
 * MonitoringSettings and docs/deploy.md). The session cookies' signing secret is generated in Secrets Manager by
 * the first deploy; there is nothing to pass for it. Then create the agent's key with
 * `aws iam create-access-key --user-name <AgentUserName output>` and point the agent at the same
 * region, prefix and table. The table is retained by `cdk destroy`; delete it by hand if meant.
 */

/** The CDK app: one {@link PrintrelayStack}, configured from CDK context. */
public final class PrintrelayApp {
  private PrintrelayApp() {}

  public static void main(String[] args) {
    App app = new App();
    createStack(app);
    app.synth();
  }

  /** Reads the settings from {@code app}'s context and adds the stack; tests synthesise this. */
  static PrintrelayStack createStack(App app) {
    PrintrelaySettings settings =
        PrintrelaySettings.fromContext(key -> app.getNode().tryGetContext(key));
    // Environment-agnostic (no account or region pinned): deploys wherever the CLI's credentials
    // point. Stack named after the prefix so two deployments can share an account.
    return new PrintrelayStack(
        app,
        "Printrelay",
        StackProps.builder()
            .stackName(settings.queuePrefix())
            .description("Printrelay: print jobs from Odoo to commissary label printers")
            .build(),
        settings);
  }
}
