package io.printrelay.infra;

import static io.printrelay.infra.SynthesizedStack.INSTALLER_HASH;
import static io.printrelay.infra.SynthesizedStack.INSTALLER_KEY;
import static io.printrelay.infra.SynthesizedStack.KEY_HASH_1;
import static io.printrelay.infra.SynthesizedStack.KEY_HASH_2;
import static io.printrelay.infra.SynthesizedStack.ODOO_HASH;
import static io.printrelay.infra.SynthesizedStack.ODOO_KEY;
import static io.printrelay.infra.SynthesizedStack.OPERATOR_ACCOUNT;
import static io.printrelay.infra.SynthesizedStack.VIEWER_ACCOUNT;
import static io.printrelay.infra.SynthesizedStack.actions;
import static io.printrelay.infra.SynthesizedStack.getAttArn;
import static io.printrelay.infra.SynthesizedStack.logicalId;
import static io.printrelay.infra.SynthesizedStack.statements;
import static io.printrelay.infra.SynthesizedStack.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import io.printrelay.function.security.ApiKey;
import io.printrelay.function.security.ApiKeyRegistry;
import io.printrelay.function.security.Capability;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API function and the dispatch sweep: one jar, two handlers, each allowed exactly the actions
 * its own code calls (DerivedActionsTest), and the API's throttle and reserved concurrency.
 */
class FunctionsTest {
  // Printrelay's subclass of Micronaut's payload-2.0 handler: it keeps the session cookie.
  private static final String API_HANDLER = "io.printrelay.function.lambda.ApiGatewayHandler";
  private static final String SWEEP_HANDLER =
      "io.printrelay.function.dispatch.DispatchSweepHandler::handleRequest";

  private static final String SESSION_SECRET =
      "Signs Printrelay operator session cookies (HMAC-SHA256)";

  // What both functions get (and the intake secret key).
  private static final Map<String, Object> SHARED_ENVIRONMENT =
      Map.of(
          "PRINTRELAY_TABLE", "acme-jobs",
          "PRINTRELAY_QUEUE_PREFIX", "acme",
          // Trimmed, lower-cased, comma-joined.
          "PRINTRELAY_API_KEYS_SHA256", KEY_HASH_1 + "," + KEY_HASH_2,
          "MICRONAUT_ENVIRONMENTS", "lambda");

  @Test
  void apiFunctionRunsPrintrelaysPayloadV2HandlerOnJava21WithSnapStart() {
    template()
        .hasResourceProperties(
            "AWS::Lambda::Function",
            Map.of(
                "Handler",
                API_HANDLER,
                "Runtime",
                "java21",
                "MemorySize",
                1769,
                "Timeout",
                29,
                "SnapStart",
                Map.of("ApplyOn", "PublishedVersions")));
  }

  @Test
  void apiFunctionGetsTheSharedEnvironmentPlusNamedKeysAndOperatorSignIn() {
    Map<String, Object> variables = variables(API_HANDLER);
    assertThat(variables)
        .containsAllEntriesOf(SHARED_ENVIRONMENT)
        .containsOnlyKeys(
            Stream.concat(
                    SHARED_ENVIRONMENT.keySet().stream(),
                    Stream.of(
                        "PRINTRELAY_API_KEYS_JSON",
                        "PRINTRELAY_OPERATOR_ACCOUNTS",
                        "PRINTRELAY_SESSION_SECRET",
                        "PRINTRELAY_INTAKE_SECRET_KEY"))
                .toList())
        // Compact, hashes lower-cased.
        .containsEntry(
            "PRINTRELAY_API_KEYS_JSON",
            "[{\"name\":\"odoo\",\"sha256\":\""
                + ODOO_HASH
                + "\"},{\"name\":\"installer\",\"sha256\":\""
                + INSTALLER_HASH
                + "\",\"capabilities\":[\"printer-config\",\"raw\"]}]")
        // Trimmed and comma-joined.
        .containsEntry("PRINTRELAY_OPERATOR_ACCOUNTS", OPERATOR_ACCOUNT + "," + VIEWER_ACCOUNT);
  }

  @Test
  void theApiFunctionReadsItsKeysFromItsEnvironmentWithTheirCapabilities() {
    Map<String, Object> variables = variables(API_HANDLER);
    ApiKeyRegistry keys =
        new ApiKeyRegistry(
            List.of(),
            new io.printrelay.function.config.PrintrelaySettings(
                "acme-jobs", "acme", (String) variables.get("PRINTRELAY_API_KEYS_SHA256"), null),
            (String) variables.get("PRINTRELAY_API_KEYS_JSON"),
            JsonMapper.createDefault());

    assertThat(keys.match(INSTALLER_KEY).orElseThrow().capabilities())
        .containsExactlyInAnyOrder(Capability.PRINTER_CONFIG, Capability.RAW);
    assertThat(keys.match(ODOO_KEY).orElseThrow().capabilities()).isEmpty();
    assertThat(keys.keys())
        .extracting(ApiKey::name)
        .containsExactly("odoo", "installer", "key-1", "key-2");
  }

  @Test
  void noKeyItselfReachesTheTemplate() {
    assertThat(template().toJSON().toString()).doesNotContain(ODOO_KEY, INSTALLER_KEY);
  }

  @Test
  void sessionSecretReachesTheApiFunctionAsADynamicReferenceNotAValue() {
    String secret = logicalId("AWS::SecretsManager::Secret", Map.of("Description", SESSION_SECRET));
    // CloudFormation resolves {{resolve:secretsmanager:ARN:SecretString:::}} while deploying.
    assertThat(variables(API_HANDLER).get("PRINTRELAY_SESSION_SECRET"))
        .isEqualTo(
            Map.of(
                "Fn::Join",
                List.of(
                    "",
                    List.of(
                        "{{resolve:secretsmanager:",
                        Map.of("Ref", secret),
                        ":SecretString:::}}"))));
  }

  @Test
  void sessionSecretIsGeneratedLettersAndDigitsAndGoesWithTheStack() {
    // This one and the intake secret key.
    template().resourceCountIs("AWS::SecretsManager::Secret", 2);
    template()
        .hasResource(
            "AWS::SecretsManager::Secret",
            Map.of(
                "Properties",
                    Map.of(
                        "GenerateSecretString",
                        Map.of("PasswordLength", 48, "ExcludePunctuation", true)),
                "DeletionPolicy", "Delete",
                "UpdateReplacePolicy", "Delete"));
    assertThat(
            SynthesizedStack.properties(
                logicalId("AWS::SecretsManager::Secret", Map.of("Description", SESSION_SECRET))))
        .doesNotContainKeys("SecretString", "Name");
  }

  @Test
  void sweepFunctionRunsFromTheSameJarWithOnlyTheSharedEnvironment() {
    template().resourceCountIs("AWS::Lambda::Function", 2);
    Map<String, Object> api = function(API_HANDLER);
    Map<String, Object> sweep = function(SWEEP_HANDLER);
    assertThat(sweep.get("Runtime")).isEqualTo("java21");
    assertThat(sweep.get("Code")).isEqualTo(api.get("Code"));
    assertThat(variables(SWEEP_HANDLER))
        .containsAllEntriesOf(SHARED_ENVIRONMENT)
        .containsOnlyKeys(
            Stream.concat(
                    SHARED_ENVIRONMENT.keySet().stream(), Stream.of("PRINTRELAY_INTAKE_SECRET_KEY"))
                .toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {API_HANDLER, SWEEP_HANDLER})
  void theIntakeSecretKeyReachesBothFunctionsAsADynamicReferenceAndIsKept(String handler) {
    String secret =
        logicalId(
            "AWS::SecretsManager::Secret",
            Map.of(
                "Description",
                "Seals the Odoo API keys of Printrelay intake profiles (AES-256-GCM)"));
    assertThat(variables(handler).get("PRINTRELAY_INTAKE_SECRET_KEY"))
        .isEqualTo(
            Map.of(
                "Fn::Join",
                List.of(
                    "",
                    List.of(
                        "{{resolve:secretsmanager:",
                        Map.of("Ref", secret),
                        ":SecretString:::}}"))));
    assertThat(template().toJSON().get("Resources"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .extractingByKey(secret)
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("DeletionPolicy", "Retain");
  }

  @ParameterizedTest
  @ValueSource(strings = {API_HANDLER, SWEEP_HANDLER})
  void triggersInvokeTheLiveAliasSoSnapStartApplies(String handler) {
    String function = logicalId("AWS::Lambda::Function", Map.of("Handler", handler));
    template()
        .hasResourceProperties(
            "AWS::Lambda::Alias", Map.of("Name", "live", "FunctionName", Map.of("Ref", function)));
  }

  @Test
  void httpApiSendsEveryRouteToTheApiAliasWithPayloadFormat2() {
    String alias = aliasOf(API_HANDLER);
    template().hasResourceProperties("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP"));
    String integration =
        logicalId(
            "AWS::ApiGatewayV2::Integration",
            Map.of(
                "IntegrationType", "AWS_PROXY",
                "IntegrationUri", Map.of("Ref", alias),
                "PayloadFormatVersion", "2.0"));
    template()
        .hasResourceProperties(
            "AWS::ApiGatewayV2::Route",
            Map.of(
                "RouteKey",
                "$default",
                "Target",
                Map.of(
                    "Fn::Join",
                    List.of("", List.of("integrations/", Map.of("Ref", integration))))));
    template()
        .hasOutput(
            "ApiUrl",
            Map.of(
                "Value",
                Map.of(
                    "Fn::GetAtt",
                    List.of(
                        logicalId("AWS::ApiGatewayV2::Api", Map.of("ProtocolType", "HTTP")),
                        "ApiEndpoint"))));
  }

  @Test
  void sweepRunsEveryMinuteWithoutRetries() {
    template()
        .hasResourceProperties(
            "AWS::Events::Rule",
            Map.of(
                "ScheduleExpression", "rate(1 minute)",
                "State", "ENABLED",
                "Targets",
                    List.of(
                        Map.of(
                            "Arn", Map.of("Ref", aliasOf(SWEEP_HANDLER)),
                            "Id", "Target0",
                            "RetryPolicy", Map.of("MaximumRetryAttempts", 0)))));
  }

  @ParameterizedTest
  @ValueSource(strings = {API_HANDLER, SWEEP_HANDLER})
  void eachFunctionsRoleGrantsExactlyItsActionList(String handler) {
    List<String> listed = handler.equals(API_HANDLER) ? ApiFunction.ACTIONS : DispatchSweep.ACTIONS;
    List<String> onDeadLetters =
        handler.equals(API_HANDLER)
            ? ApiFunction.DEAD_LETTER_ACTIONS
            : DispatchSweep.DEAD_LETTER_ACTIONS;

    assertThat(grantedActions(handler))
        .containsExactlyInAnyOrderElementsOf(
            Stream.concat(listed.stream(), onDeadLetters.stream()).distinct().toList());
    assertThat(actions(statement(handler, "DeadLetterQueues")))
        .containsExactlyInAnyOrderElementsOf(onDeadLetters);
  }

  @Test
  void apiFunctionStoresReadsAndSendsButChecksNoConditionOutsideAWrite() {
    assertThat(grantedActions(API_HANDLER))
        .containsExactlyInAnyOrder(
            "sqs:GetQueueUrl",
            "sqs:GetQueueAttributes",
            "sqs:SendMessage",
            // On the dead-letter queues only (functionsReadTheDeadLetterQueuesApart).
            "sqs:ReceiveMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage",
            "dynamodb:GetItem",
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            // An intake profile's and its token's (delete, token rotation).
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");
  }

  @Test
  void sweepReadsClaimsSendsDeletesOldLabelsAndMakesPendingIntakeEventsIntoJobs() {
    assertThat(grantedActions(SWEEP_HANDLER))
        .containsExactlyInAnyOrder(
            "sqs:GetQueueUrl",
            "sqs:SendMessage",
            // On the dead-letter queues only (functionsReadTheDeadLetterQueuesApart).
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage",
            "sqs:ChangeMessageVisibility",
            "sqs:DeleteMessage",
            "dynamodb:GetItem",
            // The jobs of an intake event, for the status reports to Odoo.
            "dynamodb:BatchGetItem",
            "dynamodb:Query",
            // The jobs of intake events (the submit's transaction) and their pending marks.
            "dynamodb:PutItem",
            "dynamodb:UpdateItem",
            "dynamodb:DeleteItem",
            "dynamodb:BatchWriteItem");
  }

  @ParameterizedTest
  @ValueSource(strings = {API_HANDLER, SWEEP_HANDLER})
  void itemActionsGoToTheTableQueryAlsoToItsIndexes(String handler) {
    Map<String, Object> tableArn = getAttArn(logicalId("AWS::DynamoDB::Table", Map.of()));
    Map<String, Object> items = statement(handler, "TableItems");
    Map<String, Object> indexes = statement(handler, "TableIndexes");

    assertThat(items.get("Resource")).isEqualTo(tableArn);
    assertThat(items).doesNotContainKey("Condition");
    assertThat(actions(indexes)).containsExactly("dynamodb:Query");
    assertThat(indexes.get("Resource"))
        .isEqualTo(Map.of("Fn::Join", List.of("", List.of(tableArn, "/index/*"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {API_HANDLER, SWEEP_HANDLER})
  void functionsReachTheThreeMainQueuesOnly(String handler) {
    assertThat(statement(handler, "MainQueues").get("Resource"))
        .isEqualTo(
            List.of(
                getAttArn(queue("acme-high.fifo")),
                getAttArn(queue("acme-normal.fifo")),
                getAttArn(queue("acme-low.fifo"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {API_HANDLER, SWEEP_HANDLER})
  void functionsReadTheDeadLetterQueuesApart(String handler) {
    assertThat(statement(handler, "DeadLetterQueues").get("Resource"))
        .isEqualTo(
            List.of(
                getAttArn(queue("acme-high-dlq.fifo")),
                getAttArn(queue("acme-normal-dlq.fifo")),
                getAttArn(queue("acme-low-dlq.fifo"))));
    assertThat(actions(statement(handler, "MainQueues")))
        .as("no receiving or deleting on the main queues")
        .doesNotContain("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage");
  }

  @Test
  void functionsNeedNoSecretsManagerAccess() {
    // The secret is resolved by CloudFormation at deploy time, not read by the function.
    assertThat(statements("AWS::IAM::Policy", Map.of()).stream().flatMap(SynthesizedStack::actions))
        .noneMatch(a -> a.startsWith("secretsmanager:") || a.startsWith("kms:"));
  }

  @Test
  void apiFunctionHasItsReservedConcurrencyAndTheSweepNone() {
    // The shared stack's context sets 70 (SynthesizedStack).
    assertThat(function(API_HANDLER)).containsEntry("ReservedConcurrentExecutions", 70);
    assertThat(function(SWEEP_HANDLER)).doesNotContainKey("ReservedConcurrentExecutions");
  }

  @Test
  void httpApiThrottlesEveryRouteOfItsOneDefaultStage() {
    template().resourceCountIs("AWS::ApiGatewayV2::Stage", 1);
    String stage =
        logicalId(
            "AWS::ApiGatewayV2::Stage",
            Map.of(
                "ApiId",
                Map.of("Ref", logicalId("AWS::ApiGatewayV2::Api", Map.of())),
                "StageName",
                "$default",
                "AutoDeploy",
                true,
                // From the shared stack's context: apiRateLimit 30, apiBurstLimit 60.
                "DefaultRouteSettings",
                Map.of("ThrottlingRateLimit", 30, "ThrottlingBurstLimit", 60)));
    // The id CDK gives its own default stage: an existing stack updates the stage in place.
    assertThat(stage).startsWith("ApiHttpApiDefaultStage");
  }

  /** The statements of the policy CDK attaches to the function's execution role. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> roleStatements(String handler) {
    List<Object> role =
        (List<Object>) ((Map<String, Object>) function(handler).get("Role")).get("Fn::GetAtt");
    return statements("AWS::IAM::Policy", Map.of("Roles", List.of(Map.of("Ref", role.get(0)))));
  }

  // Query appears twice: on the items and on the indexes.
  private static Stream<String> grantedActions(String handler) {
    return roleStatements(handler).stream().flatMap(SynthesizedStack::actions).distinct();
  }

  private static Map<String, Object> statement(String handler, String sid) {
    return roleStatements(handler).stream()
        .filter(s -> sid.equals(s.get("Sid")))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> function(String handler) {
    return SynthesizedStack.properties(
        logicalId("AWS::Lambda::Function", Map.of("Handler", handler)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> variables(String handler) {
    Map<String, Object> environment = (Map<String, Object>) function(handler).get("Environment");
    return (Map<String, Object>) environment.get("Variables");
  }

  private static String aliasOf(String handler) {
    String function = logicalId("AWS::Lambda::Function", Map.of("Handler", handler));
    return logicalId("AWS::Lambda::Alias", Map.of("FunctionName", Map.of("Ref", function)));
  }

  private static String queue(String name) {
    return logicalId("AWS::SQS::Queue", Map.of("QueueName", name));
  }
}
