package io.printrelay.function.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.printrelay.function.testing.ApiClient.Reply;

/** Checks an answer is an RFC 9457 problem of the given status. */
public final class ProblemAssert {
  private ProblemAssert() {}

  public static void assertProblem(Reply reply, int status) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    assertThat(reply.body().get("status").getIntValue()).isEqualTo(status);
    assertThat(reply.text("type")).isNotBlank();
    assertThat(reply.text("title")).isNotBlank();
    assertThat(reply.text("detail")).isNotBlank();
  }
}
