package io.printrelay.infra;

import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

/**
 * What the API function needs for operators to sign in to the web view: the accounts, and the
 * secret that signs their session cookies. Only the API function gets these; the dispatch sweep
 * serves no one.
 *
 * <p>The session secret must be the same for every instance and every cold start, or a cookie
 * signed by one would be refused by the next. Secrets Manager generates it once, at the first
 * deploy, so it is never typed, committed or passed as context.
 */
public final class OperatorSignIn extends Construct {
  // The function wants at least 32 characters; 48 letters and digits are ~285 bits.
  private static final int SECRET_LENGTH = 48;

  private final Secret sessionSecret;
  private final String operatorAccounts;

  /** {@code operatorAccounts} is the comma-separated {@code username:role:pbkdf2-hash} list. */
  public OperatorSignIn(Construct scope, String id, String operatorAccounts) {
    super(scope, id);
    this.operatorAccounts = operatorAccounts;
    // No secretName: a generated name cannot collide with a secret an earlier stack left pending
    // deletion, which Secrets Manager keeps for days.
    sessionSecret =
        Secret.Builder.create(this, "SessionSecret")
            .description("Signs Printrelay operator session cookies (HMAC-SHA256)")
            .generateSecretString(
                SecretStringGenerator.builder()
                    .passwordLength(SECRET_LENGTH)
                    // Letters and digits only: nothing to quote or escape wherever the value
                    // travels.
                    .excludePunctuation(true)
                    .build())
            // Losing it only signs operators out; they sign in again under the next stack's secret.
            .removalPolicy(RemovalPolicy.DESTROY)
            .build();
  }

  /** The API function's extra variables: the accounts and the session secret. */
  public Map<String, String> environment() {
    return Map.of(
        "PRINTRELAY_OPERATOR_ACCOUNTS",
        operatorAccounts,
        // A CloudFormation dynamic reference ({{resolve:secretsmanager:...}}): CloudFormation
        // reads the secret when it deploys the function, so the value never appears in the
        // template or the cloud assembly, and the function needs no Secrets Manager permission
        // or call on its cold start. It does end up in the function's configuration, where Lambda
        // encrypts environment variables at rest with KMS; whoever may read that configuration
        // (lambda:GetFunctionConfiguration) can read it. A new secret value reaches the function
        // only when a deploy updates the function.
        "PRINTRELAY_SESSION_SECRET",
        sessionSecret.getSecretValue().unsafeUnwrap());
  }
}
