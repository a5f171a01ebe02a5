package io.printrelay.function.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Every intake profile, by name. None is written as [], not left out (serde's default). */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProfileList(List<ProfileView> profiles) {}
