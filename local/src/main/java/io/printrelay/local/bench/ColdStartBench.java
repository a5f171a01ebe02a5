package io.printrelay.local.bench;

import io.printrelay.embedded.EmbeddedAws;
import io.printrelay.function.security.ApiKeyRegistry;
import io.printrelay.model.PrinterState;
import io.printrelay.queue.QueueNames;
import io.printrelay.queue.QueueProvisioner;
import io.printrelay.table.PrinterItems;
import io.printrelay.table.TableProvisioner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * {@code printrelay bench cold-start [--runs N]}: how long a cold API function takes to answer its
 * first {@code POST /v1/jobs}, the request Odoo's webhook gives 1 s. Each run starts a fresh JVM
 * with the Java options Lambda's Java 21 runtime uses (serial GC, C1 only), pinned to one CPU,
 * whose classpath is the Lambda jar and {@link ColdStartProbe} alone, configured through the
 * environment as Lambda configures it, against the embedded SQS and DynamoDB of this JVM. The clock
 * starts before the process is spawned, so the JVM's own start counts too.
 */
final class ColdStartBench {
  static final String USAGE =
      """
      usage: printrelay bench cold-start [--runs N] [--jar PATH] [--jvm-option OPTION]...
        the API handler's cold start: a fresh JVM on one CPU, the Lambda jar alone, handler
        constructed, first POST /v1/jobs answered; N runs (default 5), figures in ms;
        --jvm-option adds a JVM option to Lambda's (as JAVA_TOOL_OPTIONS would)""";

  /** The options of Lambda's java21 runtime that matter here (docs/deploy.md, cold start). */
  static final List<String> LAMBDA_JVM_OPTIONS =
      List.of(
          "-XX:ActiveProcessorCount=1",
          "-XX:+UseSerialGC",
          "-XX:+TieredCompilation",
          "-XX:TieredStopAtLevel=1",
          "-Xshare:auto",
          "-Djava.net.preferIPv4Stack=true");

  private static final String PRINTER = "cold-start";
  private static final String API_KEY = "cold-start-key";
  private static final String TABLE = "printrelay";
  private static final String[] STEPS = {"main", "constructed", "primed", "first", "second"};
  private static final int MAIN = 0;
  private static final int CONSTRUCTED = 1;
  private static final int PRIMED = 2;
  private static final int FIRST = 3;
  private static final int SECOND = 4;

  private ColdStartBench() {}

  static void main(String[] args) throws IOException, InterruptedException {
    List<String> list = Arrays.asList(args);
    if (list.contains("--help") || list.contains("-h")) {
      System.out.println(USAGE);
      return;
    }
    int runs = 5;
    List<String> jvmOptions = new ArrayList<>(LAMBDA_JVM_OPTIONS);
    Path jar =
        Path.of(
            System.getProperty(
                "printrelay.lambda.jar", "cloud-function/target/printrelay-function-lambda.jar"));
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs") && i + 1 < args.length) {
        runs = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--jvm-option") && i + 1 < args.length) {
        jvmOptions.add(args[++i]);
      } else if (args[i].equals("--jar") && i + 1 < args.length) {
        jar = Path.of(args[++i]);
      } else {
        System.err.println("printrelay bench cold-start: unknown argument " + args[i]);
        System.err.println(USAGE);
        System.exit(2);
      }
    }
    if (!Files.isRegularFile(jar)) {
      System.err.println(
          "printrelay bench cold-start: no Lambda jar at " + jar + " (./mvnw package)");
      System.exit(2);
    }
    System.out.print(run(jar, runs, jvmOptions));
    System.exit(0); // the emulators' non-daemon threads must not keep the JVM alive
  }

  static String run(Path jar, int runs, List<String> jvmOptions)
      throws IOException, InterruptedException {
    StringBuilder out = new StringBuilder();
    try (EmbeddedAws aws = EmbeddedAws.startInMemory()) {
      QueueNames queues = new QueueNames(QueueNames.DEFAULT_PREFIX);
      TableProvisioner.createIfAbsent(aws.dynamoDbClient(), TABLE);
      QueueProvisioner.createIfAbsent(aws.sqsClient(), queues);
      aws.dynamoDbClient()
          .updateItem(
              PrinterItems.report(
                      PRINTER,
                      "127.0.0.1",
                      9100,
                      "bench",
                      PrinterState.READY,
                      null,
                      null,
                      Instant.now())
                  .request(TABLE));
      Path probe = probeClasses();
      Map<String, String> environment = new LinkedHashMap<>();
      environment.put("PRINTRELAY_TABLE", TABLE);
      environment.put("PRINTRELAY_QUEUE_PREFIX", queues.prefix());
      environment.put("PRINTRELAY_API_KEYS_SHA256", ApiKeyRegistry.sha256Hex(API_KEY));
      environment.put("PRINTRELAY_AWS_SQS_ENDPOINT", aws.sqsEndpoint().toString());
      environment.put("PRINTRELAY_AWS_DYNAMODB_ENDPOINT", aws.dynamoDbEndpoint().toString());
      environment.put("PRINTRELAY_SESSION_SECRET", "a-session-secret-of-32-characters-or-more");
      environment.put("AWS_REGION", EmbeddedAws.REGION.id());
      environment.put("AWS_ACCESS_KEY_ID", "cold-start");
      environment.put("AWS_SECRET_ACCESS_KEY", "cold-start");
      environment.put("AWS_LAMBDA_FUNCTION_NAME", "printrelay-api");

      List<long[]> cold = new ArrayList<>();
      List<long[]> primed = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        cold.add(once(command(jar, probe, jvmOptions, false), environment));
        primed.add(once(command(jar, probe, jvmOptions, true), environment));
      }
      out.append(
          String.format(
              Locale.ROOT,
              "printrelay bench cold-start: %d runs of a fresh JVM each way on %s%n"
                  + "jar: %s (%.1f MiB); JVM options: %s%n%n",
              runs,
              Machine.current(),
              jar.getFileName(),
              Files.size(jar) / 1048576.0,
              String.join(" ", jvmOptions)));
      out.append(row("ms", "median", "best", "worst"));
      out.append("cold, from spawning the JVM:\n");
      out.append(row("  main() entered (the JVM's own start)", figures(cold, MAIN, -1)));
      out.append(row("  handler constructed (Lambda's init)", figures(cold, CONSTRUCTED, -1)));
      out.append(row("  first POST /v1/jobs answered (cold start)", figures(cold, FIRST, -1)));
      out.append(row("  second POST /v1/jobs answered", figures(cold, SECOND, -1)));
      out.append("primed as before a SnapStart snapshot (beforeCheckpoint), then:\n");
      out.append(
          row("  priming, from the handler constructed", figures(primed, PRIMED, CONSTRUCTED)));
      out.append(row("  first POST /v1/jobs, from priming done", figures(primed, FIRST, PRIMED)));
    }
    return out.toString();
  }

  /** Median, best and worst of {@code step}, less {@code from} where it is a step. */
  private static String[] figures(List<long[]> runs, int step, int from) {
    long[] column =
        runs.stream().mapToLong(at -> at[step] - (from < 0 ? 0 : at[from])).sorted().toArray();
    return new String[] {
      Long.toString(column[column.length / 2]),
      Long.toString(column[0]),
      Long.toString(column[column.length - 1])
    };
  }

  private static String row(String name, String... figures) {
    return String.format(
        Locale.ROOT, "%-46s %8s %8s %8s%n", name, figures[0], figures[1], figures[2]);
  }

  private static List<String> command(
      Path jar, Path probe, List<String> jvmOptions, boolean primed) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      command.addAll(List.of("/usr/bin/taskset", "--cpu-list", "0"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + probe));
    command.addAll(List.of(ColdStartProbe.class.getName(), PRINTER, API_KEY));
    if (primed) {
      command.add("primed");
    }
    return command;
  }

  /** Milliseconds from spawning the JVM to each of {@link #STEPS}. */
  private static long[] once(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    long spawned = System.nanoTime();
    Process process = builder.start();
    long[] at = new long[STEPS.length];
    Arrays.fill(at, -1);
    List<String> output = new ArrayList<>();
    try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        long now = System.nanoTime();
        output.add(line);
        String[] words = line.split(" ");
        for (int step = 0; step < STEPS.length; step++) {
          if (words.length == 2 && words[0].equals(STEPS[step])) {
            if (step >= FIRST && !words[1].equals("201")) {
              throw new IllegalStateException(
                  "the submit answered " + words[1] + ":\n" + String.join("\n", output));
            }
            at[step] = TimeUnit.NANOSECONDS.toMillis(now - spawned);
          }
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)
        || process.exitValue() != 0
        || at[STEPS.length - 1] < 0) {
      process.destroyForcibly();
      throw new IllegalStateException("the probe failed:\n" + String.join("\n", output));
    }
    return at;
  }

  /**
   * {@link ColdStartProbe}'s class file alone, in a jar of its own (a class-data archive takes jars
   * only).
   */
  private static Path probeClasses() throws IOException {
    Path jar = Files.createTempFile("printrelay-cold-start", ".jar");
    jar.toFile().deleteOnExit();
    String resource = ColdStartProbe.class.getName().replace('.', '/') + ".class";
    try (InputStream in = ColdStartBench.class.getClassLoader().getResourceAsStream(resource);
        JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("no " + resource + " on the classpath"));
      }
      out.putNextEntry(new JarEntry(resource));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar;
  }
}
