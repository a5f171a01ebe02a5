package io.printrelay.function.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedPathsTest {

  @Test
  void anIntakeTokenNeverReachesTheLogButOtherPathsDo() {
    assertThat(ProblemExceptionHandlers.logged("/v1/intake/odoo/Zx8f-secret_token"))
        .isEqualTo("/v1/intake/odoo/{token}");
    assertThat(ProblemExceptionHandlers.logged("/v1/jobs/0b6f3c1e")).isEqualTo("/v1/jobs/0b6f3c1e");
  }
}
