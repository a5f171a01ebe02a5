package io.printrelay.function.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * One entry of {@code printrelay.api-keys}: a named key, stored only as the hex SHA-256 of the key,
 * never the key itself.
 *
 * @param name names the key in logs and {@code /v1/me} (its idempotency keys are scoped by its
 *     hash, so a rename keeps them)
 * @param roles what the key may do; see {@code security.Roles}
 * @param capabilities what its labels may carry beyond a label: {@code printer-config}, {@code raw}
 *     (see {@code security.Capability}); none when not given
 */
@EachProperty(value = "printrelay.api-keys", list = true)
public record ApiKeySettings(
    @NotBlank String name,
    @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}") String sha256,
    @Bindable(defaultValue = "integration") @NotEmpty List<String> roles,
    @Nullable List<String> capabilities) {}
