package io.printrelay.function.jobs;

import io.printrelay.function.problem.MalformedRequest;
import io.printrelay.model.ListPosition;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code nextPageToken} of a list of jobs: opaque to callers; inside, base64url (no padding) of
 * the last listed job's place, {@code <createdAt> <jobId>}. A place in the newest-first order, not
 * a snapshot: the next page holds the jobs listed after it, under whatever filter it is asked with,
 * so a token stays good however the jobs change meanwhile. Checked on the way in: anything this API
 * did not give is a 400 naming {@code pageToken}, never a query of some other place.
 */
final class PageToken {
  static final String FIELD = "pageToken";
  // A job id is a UUID (or, in tests and old data, a short name): printable ASCII, no space.
  private static final Pattern PLACE = Pattern.compile("(\\S+) ([\\x21-\\x7E]{1,128})");
  private static final int MAX_LENGTH = 256;

  private PageToken() {}

  static String of(ListPosition position) {
    String place = position.createdAt() + " " + position.jobId();
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(place.getBytes(StandardCharsets.US_ASCII));
  }

  static ListPosition parse(String token) {
    if (token.isEmpty() || token.length() > MAX_LENGTH) {
      throw invalid();
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(token);
      Matcher place = PLACE.matcher(new String(bytes, StandardCharsets.US_ASCII));
      if (!place.matches()) {
        throw invalid();
      }
      return new ListPosition(Instant.parse(place.group(1)), place.group(2));
    } catch (IllegalArgumentException | DateTimeException notOurs) {
      throw invalid();
    }
  }

  private static MalformedRequest invalid() {
    return new MalformedRequest(
        FIELD
            + ": not a page token this API gave; pass the nextPageToken of the previous page"
            + " as it was, or leave it out for the first page");
  }
}
