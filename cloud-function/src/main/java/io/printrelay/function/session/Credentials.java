package io.printrelay.function.session;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a sign-in, as documented; read field by field by {@link SignIn}. */
@Serdeable
public record Credentials(
    @Schema(example = "operator") String username,
    @Schema(format = "password") String password) {}
