package io.printrelay.function.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A list in an object, so that it can grow a page token without breaking callers. An empty list is
 * written as [], not left out (serde's default).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobList(List<JobView> jobs) {}
