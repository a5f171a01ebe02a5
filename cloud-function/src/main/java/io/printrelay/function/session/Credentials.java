package io.printrelay.function.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of a sign-in: bound as it came, checked by {@link SignIn}, documented from this record.
 * Values stay JSON so that a wrong type is a 422 on its field; a missing one binds as null and is
 * named too.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
@Schema(description = "An operator account's user name and password.")
public record Credentials(
    @Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED, example = "operator")
        JsonNode username,
    @Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED, format = "password")
        JsonNode password) {}
