package io.printrelay.function.webhooks;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Every intake profile, by name. */
@Serdeable
public record ProfileList(List<ProfileView> profiles) {}
