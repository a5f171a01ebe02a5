package io.printrelay.function;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/**
 * The API on Netty, for `printrelay local` and the tests. On AWS Lambda this class is not used:
 * API Gateway invokes {@code APIGatewayV2HTTPEventFunction}, which builds the same context and
 * serves the same controllers without a server.
 */
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }

  /**
   * Starts the API on Netty with the given properties (e.g. {@code micronaut.server.port}, {@code
   * printrelay.aws.sqs-endpoint}); the caller closes the returned context to stop it. Netty must
   * be on the classpath: this module only has it as a provided dependency.
   */
  public static ApplicationContext start(Map<String, Object> properties) {
    return Micronaut.build(new String[0])
        .mainClass(Application.class)
        .properties(properties)
        .banner(false)
        .start();
  }
}
