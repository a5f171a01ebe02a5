package io.printrelay.infra;

import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * The key that seals the Odoo API keys of intake profiles (the function hashes it into an AES-256
 * key; docs/api.md#reading-the-record-from-odoo). Both functions get it: the API reads Odoo when a
 * webhook arrives, the dispatch sweep when it tries again. Secrets Manager generates it once, at
 * the first deploy, as for the session secret ({@link OperatorSignIn}), and it reaches the
 * functions the same way, as a dynamic reference resolved while deploying.
 */
public final class IntakeSecret extends Construct {
  private static final int SECRET_LENGTH = 48;

  private final Secret secretKey;

  public IntakeSecret(Construct scope, String id) {
    super(scope, id);
    secretKey =
        Secret.Builder.create(this, "SecretKey")
            .description("Seals the Odoo API keys of Printrelay intake profiles (AES-256-GCM)")
            .generateSecretString(
                SecretStringGenerator.builder()
                    .passwordLength(SECRET_LENGTH)
                    .excludePunctuation(true)
                    .build())
            // Kept like the table: without it, the sealed keys stored there never open again.
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  /** What both functions add to their environment. */
  public Map<String, String> environment() {
    return Map.of("PRINTRELAY_INTAKE_SECRET_KEY", secretKey.getSecretValue().unsafeUnwrap());
  }
}
