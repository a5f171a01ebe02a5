package io.printrelay.function;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.Map;

/**
 * The API on Netty, for `printrelay local` and the tests. On AWS Lambda this class is not used: API
 * Gateway invokes {@code APIGatewayV2HTTPEventFunction}, which builds the same context and serves
 * the same controllers without a server.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Printrelay API",
            version = "1",
            description =
                "Reliable label printing for Odoo. Integrations (Odoo) submit and read jobs"
                    + " with an API key (Authorization: Bearer <key>); operators sign in to the web view"
                    + " and read and act on jobs and printers; viewers only read. Errors are RFC 9457"
                    + " application/problem+json. Changes made with a browser session must send the"
                    + " printrelay_csrf cookie's value as X-CSRF-Token."),
    security = {@SecurityRequirement(name = "apiKey"), @SecurityRequirement(name = "session")})
@SecurityScheme(
    name = "apiKey",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "An integration, operator or viewer API key")
@SecurityScheme(
    name = "session",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE,
    paramName = "printrelay_session",
    description = "An operator's sign-in (POST /login)")
public final class Application {
  private Application() {}

  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }

  /**
   * Starts the API on Netty with the given properties (e.g. {@code micronaut.server.port}, {@code
   * printrelay.aws.sqs-endpoint}); the caller closes the returned context to stop it. Netty must be
   * on the classpath: this module only has it as a provided dependency.
   */
  public static ApplicationContext start(Map<String, Object> properties) {
    return Micronaut.build(new String[0])
        .mainClass(Application.class)
        .properties(properties)
        .banner(false)
        .start();
  }
}
