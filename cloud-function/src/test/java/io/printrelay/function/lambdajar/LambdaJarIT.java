package io.printrelay.function.lambdajar;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.security.ApiKeyRegistry;
import io.printrelay.function.testing.EmbeddedSandbox;
import io.printrelay.function.testing.EmbeddedSandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The deployment artifact itself, after {@code package}: what it holds, and that its handler starts
 * and serves requests in a JVM that has nothing else on its classpath.
 */
class LambdaJarIT {
  private static final Path JAR =
      Path.of(System.getProperty("lambda.jar", "target/printrelay-function-lambda.jar"));

  @Test
  void holdsTheHandlersButNoServerAndNoEmulators() throws IOException {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertThat(jar.getEntry("io/printrelay/function/lambda/ApiGatewayHandler.class")).isNotNull();
      assertThat(jar.getEntry("META-INF/swagger/printrelay.yml")).isNotNull();
      assertThat(jar.getEntry("io/printrelay/function/dispatch/DispatchSweepHandler.class"))
          .isNotNull();
      List<String> unwanted =
          jar.stream()
              .map(entry -> entry.getName())
              .filter(
                  name ->
                      name.startsWith("io/netty/")
                          || name.startsWith("io/micronaut/http/server/netty/")
                          || name.startsWith("org/elasticmq/")
                          || name.startsWith("com/amazonaws/services/dynamodbv2/local/")
                          || name.startsWith("io/printrelay/embedded/")
                          || name.startsWith("software/amazon/awssdk/http/apache"))
              .toList();
      assertThat(unwanted).isEmpty();
    }
  }

  @Test
  void theHandlerStartsFromTheJarAloneAndServesTheApi() throws Exception {
    Sandbox sandbox = EmbeddedSandbox.newSandbox();
    sandbox.registerPrinter("line-1");
    Path classes = Files.createTempDirectory("lambda-smoke");
    copySmokeClasses(classes);
    String submit = "{\"printerId\":\"line-1\",\"labels\":[{\"zpl\":\"^XA^FDsmoke^FS^XZ\"}]}";

    List<String> output =
        run(
            List.of(
                javaBinary(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                JAR + java.io.File.pathSeparator + classes,
                LambdaJarSmoke.class.getName(),
                "GET",
                "/health",
                "-",
                "-",
                "GET",
                "/",
                "-",
                "-",
                "GET",
                "/openapi.yml",
                "-",
                "-",
                "GET",
                "/v1/jobs",
                "-",
                "-",
                "POST",
                "/v1/jobs",
                "smoke-key",
                submit,
                "GET",
                "/v1/jobs",
                "smoke-key",
                "-"),
            Map.of(
                "PRINTRELAY_TABLE",
                sandbox.table(),
                "PRINTRELAY_QUEUE_PREFIX",
                sandbox.queueNames().prefix(),
                "PRINTRELAY_API_KEYS_SHA256",
                ApiKeyRegistry.sha256Hex("smoke-key"),
                "PRINTRELAY_AWS_SQS_ENDPOINT",
                sandbox.aws().sqsEndpoint().toString(),
                "PRINTRELAY_AWS_DYNAMODB_ENDPOINT",
                sandbox.aws().dynamoDbEndpoint().toString(),
                "PRINTRELAY_SESSION_SECRET",
                "a-session-secret-of-32-characters-or-more",
                "AWS_REGION",
                "us-east-1"));

    assertThat(output)
        .contains(
            "NETTY absent",
            "STATUS 200 GET /health",
            "STATUS 200 GET /",
            "STATUS 200 GET /openapi.yml",
            "STATUS 401 GET /v1/jobs",
            "STATUS 201 POST /v1/jobs",
            "STATUS 200 GET /v1/jobs");
    assertThat(sandbox.messagesWaiting()).isEqualTo(1);
  }

  private static void copySmokeClasses(Path target) throws IOException {
    Path source =
        Path.of(LambdaJarSmoke.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    Path packageDir = Path.of("io", "printrelay", "function", "lambdajar");
    Files.createDirectories(target.resolve(packageDir));
    try (var files = Files.list(source.resolve(packageDir))) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().startsWith("LambdaJarSmoke")).toList()) {
        Files.copy(file, target.resolve(packageDir).resolve(file.getFileName()));
      }
    }
  }

  private static List<String> run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    List<String> lines = new ArrayList<>();
    try (var reader = process.inputReader(StandardCharsets.UTF_8)) {
      reader.lines().forEach(lines::add);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
