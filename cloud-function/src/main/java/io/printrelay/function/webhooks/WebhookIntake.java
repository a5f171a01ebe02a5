package io.printrelay.function.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.printrelay.function.intake.SubmitOutcome;
import io.printrelay.function.problem.FieldError;
import io.printrelay.function.problem.InvalidInput;
import io.printrelay.function.problem.PayloadTooLarge;
import io.printrelay.function.security.Submitter;
import io.printrelay.function.submit.SubmitJob;
import io.printrelay.function.submit.SubmitRequest;
import io.printrelay.model.JobId;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook call from Odoo (docs/api.md#intake): recorded once per record state, then made into
 * jobs through the submit path ({@link SubmitJob}), each job under an Idempotency-Key of the event,
 * so that making an event's jobs again (a retry after a crash) makes none twice.
 */
@Singleton
public class WebhookIntake {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

  /** Odoo's webhook holds the fields a rule selected: a few KiB. The table's item limit is 400. */
  static final int MAX_BODY_BYTES = 100 * 1024;

  /** How long a record state is remembered, and its event listed. */
  static final Duration KEPT_FOR = Duration.ofDays(30);

  /**
   * When the dispatch sweep makes the jobs of an event this call did not settle (it crashed, say):
   * late enough not to race the call that is still making them.
   */
  static final Duration RETRY_AFTER = Duration.ofMinutes(2);

  static final int MAX_ATTEMPTS = 10;
  private static final Duration RETRY_FIRST = Duration.ofMinutes(1);
  private static final Duration RETRY_MOST = Duration.ofMinutes(30);

  static final Pattern MODEL = Pattern.compile("[a-z0-9_.]{1,128}");
  private static final String ACTION = "_action";
  private static final int MAX_REASON = 1_000;

  private final ProfileStore store;
  private final SubmitJob submitJob;
  private final OdooReader odoo;
  private final ApiKeySeal seal;
  private final JsonMapper json;
  private final Clock clock;

  public WebhookIntake(
      ProfileStore store,
      SubmitJob submitJob,
      OdooReader odoo,
      ApiKeySeal seal,
      JsonMapper json,
      Clock clock) {
    this.store = store;
    this.submitJob = submitJob;
    this.odoo = odoo;
    this.seal = seal;
    this.json = json;
    this.clock = clock;
  }

  /** The profile the token opens, if any: nothing is read for a token of another shape. */
  public Optional<IntakeProfile> profileOf(String token) {
    if (!IntakeTokens.wellFormed(token)) {
      return Optional.empty();
    }
    return store.profileIdForToken(IntakeTokens.sha256Hex(token)).flatMap(store::profile);
  }

  /**
   * Records the event (or finds the one recorded for the same record state) and makes its jobs.
   *
   * @return the event as it ended, or the earlier one of the same record state (not fresh)
   * @throws InvalidInput when the body has no usable {@code _model} and {@code _id}
   */
  public ProfileStore.Recorded receive(
      IntakeProfile profile, JsonNode body, byte[] bytes, @Nullable String baseUrl) {
    if (bytes.length > MAX_BODY_BYTES) {
      throw new PayloadTooLarge(
          "The body is " + bytes.length + " bytes; a webhook may send at most " + MAX_BODY_BYTES);
    }
    if (!body.isObject()) {
      throw InvalidInput.of("body", "must be the JSON object Odoo's webhook sends");
    }
    String model = model(body);
    long recordId = recordId(body);
    List<FieldError> errors = new ArrayList<>();
    if (model == null) {
      errors.add(new FieldError("_model", "must be an Odoo model name, e.g. mrp.production"));
    }
    if (recordId < 1) {
      errors.add(new FieldError("_id", "must be the record's id, a positive whole number"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String eventId = JobId.next();
    JsonNode action = body.get(ACTION);
    IntakeEvent event =
        new IntakeEvent(
            profile.profileId(),
            null,
            eventId,
            model,
            recordId,
            action != null && action.isString() ? action.getStringValue() : null,
            new String(bytes, StandardCharsets.UTF_8),
            IntakeEvent.Status.RECEIVED,
            null,
            List.of(),
            now,
            now);
    // A profile that reads the record from Odoo answers before any call to Odoo (which waits 1 s
    // for the answer, inside the user's transaction on Odoo 17 and 18): the sweep's next run
    // reads it and makes the jobs (docs/odoo.md).
    boolean readsOdoo = profile.settings().odoo() != null;
    ProfileStore.Recorded recorded =
        store.record(
            event, fieldsSha256(body), readsOdoo ? now : now.plus(RETRY_AFTER), now.plus(KEPT_FOR));
    if (readsOdoo) {
      if (!recorded.fresh() && recorded.event().status() == IntakeEvent.Status.FAILED) {
        store.retryLater(recorded.event(), "sent again: read from Odoo next", now, 0, now);
      }
      return recorded;
    }
    if (!recorded.fresh()) {
      // A state that failed (a field not selected, a printer not mapped) is tried again with the
      // profile as it is now: sending the record again is how an admin retries after a fix.
      return recorded.event().status() == IntakeEvent.Status.FAILED
          ? new ProfileStore.Recorded(
              makeJobsOrLeave(profile, recorded.event(), body, baseUrl), false)
          : recorded;
    }
    return new ProfileStore.Recorded(
        makeJobsOrLeave(profile, recorded.event(), body, baseUrl), true);
  }

  /**
   * The event is recorded: whatever fails now (the table, the queue), the answer is still 202 and
   * the dispatch sweep makes its jobs once its pending mark is due.
   */
  private IntakeEvent makeJobsOrLeave(
      IntakeProfile profile, IntakeEvent event, JsonNode body, @Nullable String baseUrl) {
    try {
      return makeJobs(profile, event, body, 0, baseUrl);
    } catch (RuntimeException e) {
      LOG.warn(
          "Intake event {} of profile {}: its jobs are left to the dispatch sweep",
          event.eventId(),
          event.profileId(),
          e);
      return event;
    }
  }

  /**
   * Makes the jobs of an event recorded earlier (the dispatch sweep's retry): its profile as it is
   * now, its body as it came.
   */
  IntakeEvent retry(IntakeEvent event, ProfileStore.Pending pending) {
    Optional<IntakeProfile> profile = store.profile(event.profileId());
    if (profile.isEmpty()) {
      return settle(event, IntakeEvent.Status.FAILED, "its profile was deleted", List.of());
    }
    JsonNode body;
    try {
      body = json.readValue(event.body().getBytes(StandardCharsets.UTF_8), JsonNode.class);
    } catch (IOException unreadable) {
      return settle(event, IntakeEvent.Status.FAILED, "its body is not JSON", List.of());
    }
    return makeJobs(profile.get(), event, body, pending.attempts(), null);
  }

  /**
   * Makes the event's jobs and records the outcome. Safe to run again for the same event: its jobs
   * are keyed by the event.
   */
  IntakeEvent makeJobs(
      IntakeProfile profile,
      IntakeEvent event,
      JsonNode body,
      int attempts,
      @Nullable String baseUrl) {
    String model = profile.settings().model();
    if (model != null && !model.equals(event.model())) {
      // Before Odoo is asked anything: a token only ever reads the records of its model.
      return settle(
          event,
          IntakeEvent.Status.FAILED,
          "the profile prints "
              + model
              + " records, the webhook named "
              + event.model()
              + " (point the rule at "
              + model
              + ", or use a profile for "
              + event.model()
              + ")",
          List.of());
    }
    JsonNode fields = body;
    ProfileSettings.OdooConnection connection = profile.settings().odoo();
    if (connection != null) {
      try {
        fields =
            JsonNode.createObjectNode(
                odoo.read(
                    connection,
                    seal.open(connection.apiKey(), profile.profileId()),
                    event.model(),
                    event.recordId(),
                    paths(profile.settings())));
      } catch (OdooReader.Unreachable unreachable) {
        return later(event, unreachable.getMessage(), attempts);
      } catch (OdooReader.Refused refused) {
        return settle(
            event, IntakeEvent.Status.FAILED, "Odoo refused: " + refused.getMessage(), List.of());
      } catch (OdooReader.Gone gone) {
        return settle(event, IntakeEvent.Status.DROPPED, gone.getMessage(), List.of());
      } catch (IllegalStateException unopened) {
        return settle(event, IntakeEvent.Status.FAILED, unopened.getMessage(), List.of());
      }
    }
    EventJobs.Outcome outcome =
        EventJobs.of(profile.settings(), fields, event.model(), event.recordId());
    if (outcome instanceof EventJobs.Refused refused) {
      return settle(event, IntakeEvent.Status.FAILED, refused.reason(), List.of());
    }
    List<String> jobIds = new ArrayList<>();
    // Not an API key's: an API key's scope is 64 hex digits; this one cannot be.
    Submitter submitter = new Submitter("intake-" + profile.profileId(), null, Set.of());
    List<SubmitRequest> submits = ((EventJobs.Jobs) outcome).submits();
    for (int part = 0; part < submits.size(); part++) {
      try {
        SubmitOutcome submitted =
            submitJob.submit(submitter, submits.get(part), event.eventId() + "/" + (part + 1));
        jobIds.add(submitted.job().jobId());
      } catch (InvalidInput invalid) {
        String reason =
            (submits.size() == 1 ? "" : "job " + (part + 1) + " of " + submits.size() + ": ")
                + invalid.errors().stream()
                    .map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; "));
        return settle(event, IntakeEvent.Status.FAILED, reason, jobIds);
      }
    }
    if (profile.settings().statusUrl() != null) {
      store.watch(
          new StatusWatch(
              profile.profileId(),
              event.key(),
              profile.settings().statusUrl(),
              baseUrl,
              event.model(),
              event.recordId(),
              jobIds,
              Map.of(),
              clock.instant(),
              0));
    }
    return settle(event, IntakeEvent.Status.SUBMITTED, null, jobIds);
  }

  /**
   * Odoo could not be reached: the sweep tries again after 1, 2, 4 ... minutes (at most 30 between
   * tries), {@value #MAX_ATTEMPTS} times, then the event fails.
   */
  private IntakeEvent later(IntakeEvent event, String why, int attempts) {
    if (attempts + 1 >= MAX_ATTEMPTS) {
      return settle(
          event,
          IntakeEvent.Status.FAILED,
          why + " (" + MAX_ATTEMPTS + " tries; send the record again to retry)",
          List.of());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Duration wait = RETRY_FIRST.multipliedBy(1L << Math.min(attempts, 5));
    Instant due = now.plus(wait.compareTo(RETRY_MOST) > 0 ? RETRY_MOST : wait);
    String reason = why + "; trying again at " + due;
    store.retryLater(event, reason, due, attempts + 1, now);
    return new IntakeEvent(
        event.profileId(),
        event.key(),
        event.eventId(),
        event.model(),
        event.recordId(),
        event.action(),
        event.body(),
        IntakeEvent.Status.RECEIVED,
        reason,
        List.of(),
        event.receivedAt(),
        now);
  }

  /** Every field the profile names: what is read from Odoo. */
  private static Set<String> paths(ProfileSettings settings) {
    Set<String> paths = new LinkedHashSet<>();
    settings.fields().values().stream()
        .filter(
            source ->
                !ProfileRules.LABEL_NUMBER.equals(source)
                    && !ProfileRules.LABEL_COUNT.equals(source))
        .forEach(paths::add);
    if (settings.printer().field() != null) {
      paths.add(settings.printer().field());
    }
    if (settings.quantity().field() != null) {
      paths.add(settings.quantity().field());
    }
    if (settings.reference() != null) {
      paths.add(settings.reference());
    }
    return paths;
  }

  private IntakeEvent settle(
      IntakeEvent event, IntakeEvent.Status status, String reason, List<String> jobIds) {
    String shortReason =
        reason != null && reason.length() > MAX_REASON
            ? reason.substring(0, MAX_REASON) + "…"
            : reason;
    if (status == IntakeEvent.Status.FAILED) {
      LOG.info(
          "Intake event {} ({} {}) of profile {} failed: {}",
          event.eventId(),
          event.model(),
          event.recordId(),
          event.profileId(),
          shortReason);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    store.settle(event, status, shortReason, jobIds, now);
    return new IntakeEvent(
        event.profileId(),
        event.key(),
        event.eventId(),
        event.model(),
        event.recordId(),
        event.action(),
        event.body(),
        status,
        shortReason,
        jobIds,
        event.receivedAt(),
        now);
  }

  private static String model(JsonNode body) {
    JsonNode model = body.get("_model");
    return model != null && model.isString() && MODEL.matcher(model.getStringValue()).matches()
        ? model.getStringValue()
        : null;
  }

  private static long recordId(JsonNode body) {
    JsonNode id = body.get("_id");
    if (id == null || !id.isNumber()) {
      return 0;
    }
    try {
      return id.getBigDecimalValue().longValueExact();
    } catch (ArithmeticException notWhole) {
      return 0;
    }
  }

  /**
   * The record's state as the webhook shows it: every field but {@code _action} (which rule sent it
   * does not change what to print), keys sorted, so the same state hashes the same.
   */
  String fieldsSha256(JsonNode body) {
    Map<String, Object> fields = new TreeMap<>();
    body.entries()
        .forEach(
            entry -> {
              if (!ACTION.equals(entry.getKey())) {
                fields.put(entry.getKey(), plain(entry.getValue()));
              }
            });
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(fields)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> sorted = new TreeMap<>();
      node.entries().forEach(entry -> sorted.put(entry.getKey(), plain(entry.getValue())));
      return sorted;
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.values().forEach(item -> items.add(plain(item)));
      return items;
    }
    return node.getValue();
  }
}
