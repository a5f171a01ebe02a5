package io.printrelay.local;

import io.micronaut.json.JsonMapper;
import java.util.concurrent.CountDownLatch;

/** Entry point of `printrelay local`. */
public final class LocalMain {
  private LocalMain() {}

  public static void main(String[] args) throws Exception {
    LocalOptions options;
    try {
      options = LocalOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("printrelay local: " + e.getMessage());
      System.exit(2);
      return;
    }
    LocalSystem system = LocalSystem.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println(
                      "printrelay: stopping (the label being printed finishes first)");
                  system.close();
                  stopped.countDown();
                },
                "printrelay-shutdown"));

    System.out.println("printrelay ready: " + system.baseUrl());
    System.out.printf("  web view: %s/  (user operator)%n", system.baseUrl());
    System.out.println("  API:      Authorization: Bearer <the --api-key value>");
    system
        .virtualPrinters()
        .forEach(p -> System.out.printf("  printer:  %s on 127.0.0.1:%d%n", p.name(), p.port()));

    if (options.demo()) {
      String printer =
          system.virtualPrinters().isEmpty()
              ? options.printers().get(0).id()
              : system.virtualPrinters().get(0).name();
      if (!options.agent()) {
        System.out.println("demo: skipped, there is no agent (--no-agent) to register printers");
      } else {
        new Demo(
                system.baseUrl(),
                options.apiKey(),
                system.api().getBean(JsonMapper.class),
                System.out)
            .run(printer);
      }
    }
    stopped.await();
  }
}
