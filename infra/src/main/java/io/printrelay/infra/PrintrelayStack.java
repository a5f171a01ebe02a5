package io.printrelay.infra;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.lambda.Code;
import software.constructs.Construct;

/**
 * Everything one Printrelay deployment runs in AWS: the priority queues, the table, the API
 * function behind an HTTP API with its operators' session secret, the dispatch sweep, the edge
 * agent's access, and the alarms and dashboard that watch them. The agent itself runs on the
 * commissary LAN, outside AWS.
 */
public final class PrintrelayStack extends Stack {
  static final String NO_API_KEYS_WARNING = "@printrelay/infra:noApiKeys";
  static final String NO_OPERATOR_ACCOUNTS_WARNING = "@printrelay/infra:noOperatorAccounts";

  public PrintrelayStack(
      Construct scope, String id, StackProps props, PrintrelaySettings settings) {
    super(scope, id, props);
    String prefix = settings.queuePrefix();
    Queues queues = new Queues(this, "Queues", prefix);
    ITable table = new JobTableConstruct(this, "Jobs", settings.tableName()).table();

    IntakeSecret intake = new IntakeSecret(this, "Intake");
    FunctionInputs inputs =
        new FunctionInputs(
                // Both functions share this asset: one upload, one jar.
                Code.fromAsset(settings.functionJar().toString()),
                environment(settings),
                table,
                queues.main(),
                queues.deadLetters(),
                settings.monitoring().logRetentionDays())
            .withEnvironment(intake.environment());
    OperatorSignIn signIn =
        new OperatorSignIn(this, "OperatorSignIn", settings.operatorAccountsEnvironmentValue());
    ApiFunction api =
        new ApiFunction(
            this,
            "Api",
            prefix,
            inputs
                .withEnvironment(signIn.environment())
                // Named keys, with their capabilities: only the API authenticates callers.
                .withEnvironment(
                    Map.of("PRINTRELAY_API_KEYS_JSON", settings.apiKeysJsonEnvironmentValue())),
            settings.apiLimits());
    DispatchSweep sweep = new DispatchSweep(this, "DispatchSweep", prefix, inputs);
    AgentAccess agent = new AgentAccess(this, "EdgeAgent", prefix, queues.main(), table);
    Monitoring monitoring =
        new Monitoring(
            this,
            "Monitoring",
            prefix,
            new Monitoring.Watched(
                queues, api.httpApi(), api.function().function(), sweep.function().function()),
            settings.monitoring());

    if (settings.apiKeySha256().isEmpty() && settings.apiKeys().isEmpty()) {
      Annotations.of(this)
          .addWarningV2(
              NO_API_KEYS_WARNING,
              "No apiKeys or apiKeySha256 given: the API has no integration key to accept."
                  + " Deploy with -c 'apiKeys=[{\"name\":\"odoo\",\"sha256\":\"<sha256 hex>\"}]'"
                  + " or -c apiKeySha256=<sha256 hex>[,<sha256 hex>...].");
    }
    if (settings.operatorAccounts().isEmpty()) {
      Annotations.of(this)
          .addWarningV2(
              NO_OPERATOR_ACCOUNTS_WARNING,
              "No operatorAccounts given: nobody can sign in to the operator web view."
                  + " Deploy with -c 'operatorAccounts=<user>:<operator|viewer>:<pbkdf2-sha256$... hash>"
                  + "[,...]' (hashes from io.printrelay.function.security.PasswordHashes).");
    }
    outputs(api, queues, table, agent, monitoring);
  }

  // What both functions see (with IntakeSecret's); OperatorSignIn adds the API function's own.
  private static Map<String, String> environment(PrintrelaySettings settings) {
    return Map.of(
        "PRINTRELAY_TABLE", settings.tableName(),
        "PRINTRELAY_QUEUE_PREFIX", settings.queuePrefix(),
        "PRINTRELAY_API_KEYS_SHA256", settings.apiKeysEnvironmentValue(),
        // Selects the function's application-lambda config (AWS clients, no local emulators).
        "MICRONAUT_ENVIRONMENTS", "lambda");
  }

  private void outputs(
      ApiFunction api, Queues queues, ITable table, AgentAccess agent, Monitoring monitoring) {
    output("ApiUrl", api.url(), "Base URL for Odoo and the operator web view");
    queues
        .byPriority()
        .forEach(
            (priority, queue) ->
                output(
                    "QueueUrl" + Character.toUpperCase(priority.charAt(0)) + priority.substring(1),
                    queue.getQueueUrl(),
                    "The " + priority + "-priority print queue"));
    output("TableName", table.getTableName(), "Jobs, labels and printers");
    output(
        "AgentPolicyArn",
        agent.policy().getManagedPolicyArn(),
        "Attach to whatever identity the edge agent runs as");
    output(
        "AgentUserName",
        agent.userName(),
        "Create its access key: aws iam create-access-key --user-name <this>");
    output(
        "AlarmTopicArn",
        monitoring.topic().getTopicArn(),
        "Every alarm goes here: aws sns subscribe --topic-arn <this> --protocol email"
            + " --notification-endpoint <address>");
    output("DashboardName", monitoring.dashboardName(), "The CloudWatch dashboard");
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }
}
