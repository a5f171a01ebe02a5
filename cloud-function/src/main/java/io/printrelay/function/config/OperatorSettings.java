package io.printrelay.function.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * One entry of {@code printrelay.operators}: a person who signs in to the web view. Only a PBKDF2
 * hash of the password is configured, made with {@code security.PasswordHashes}.
 *
 * @param passwordHash {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}
 * @param role operator (reads and acts) or viewer (reads only)
 */
@EachProperty(value = "printrelay.operators", list = true)
public record OperatorSettings(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String username,
    @NotBlank String passwordHash,
    @Bindable(defaultValue = "operator") @Pattern(regexp = "operator|viewer") String role) {}
