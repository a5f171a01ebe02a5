package io.printrelay.function.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of a list of jobs, newest first (docs/api.md#list-jobs). An empty list is written as [],
 * not left out (serde's default), and a missing token as null.
 *
 * @param nextPageToken where the next page starts; null when this page is the last
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobList(List<JobView> jobs, @Nullable String nextPageToken) {}
