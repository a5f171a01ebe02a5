package io.printrelay.function.problem;

import io.micronaut.context.annotation.Primary;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The one place an error becomes HTTP: every error response, ours and Micronaut's own (malformed
 * JSON, unknown route, wrong method or media type, body too large, unhandled exception), is an RFC
 * 9457 {@code application/problem+json} body built here. Micronaut's handlers all end in an {@link
 * ErrorResponseProcessor}; being the primary one replaces its JSON and HTML error pages.
 */
@Singleton
@Primary
public class ProblemResponses implements ErrorResponseProcessor<Problem> {
  private static final String TYPE_PREFIX = "urn:printrelay:problem:";

  /** The response for a rejection thrown by a feature. */
  public MutableHttpResponse<Problem> reject(HttpRequest<?> request, Rejection rejection) {
    MutableHttpResponse<Problem> response =
        processResponse(
            ErrorContext.builder(request).cause(rejection).build(),
            HttpResponse.status(statusOf(rejection)));
    if (rejection instanceof TooManySignIns wait) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(wait.retryAfterSeconds()));
    }
    return response;
  }

  /** The response for an error with no exception behind it (e.g. authentication). */
  public MutableHttpResponse<Problem> respond(
      HttpRequest<?> request, HttpStatus status, String detail) {
    return processResponse(
        ErrorContext.builder(request).errorMessage(detail).build(), HttpResponse.status(status));
  }

  @Override
  @SuppressWarnings("unchecked")
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
    if (context.getRequest().getMethod() == HttpMethod.HEAD) {
      return (MutableHttpResponse<Problem>) response;
    }
    int code = response.code();
    Throwable cause = context.getRootCause().orElse(null);
    List<FieldError> errors = cause instanceof InvalidInput invalid ? invalid.errors() : null;
    Problem problem =
        new Problem(type(code), title(code, response), code, detail(code, cause, context), errors);
    return response.body(problem).contentType(Problem.MEDIA_TYPE);
  }

  static HttpStatus statusOf(Rejection rejection) {
    return switch (rejection) {
      case InvalidInput ignored -> HttpStatus.UNPROCESSABLE_ENTITY;
      case MalformedRequest ignored -> HttpStatus.BAD_REQUEST;
      case PayloadTooLarge ignored -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
      case UnsupportedMediaType ignored -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
      case NotFound ignored -> HttpStatus.NOT_FOUND;
      case Conflict ignored -> HttpStatus.CONFLICT;
      case SignInRefused ignored -> HttpStatus.UNAUTHORIZED;
      case TooManySignIns ignored -> HttpStatus.TOO_MANY_REQUESTS;
      case Unavailable ignored -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  // A server error's own message may name internals (table names, SDK text): never echoed.
  private static String detail(int code, Throwable cause, ErrorContext context) {
    if (cause instanceof Rejection rejection) {
      return rejection.detail();
    }
    if (code >= 500) {
      return "The server could not handle the request; it has been logged.";
    }
    if (code == 404) {
      return "Nothing at " + context.getRequest().getPath() + ".";
    }
    return context.getErrors().stream()
        .map(Error::getMessage)
        .filter(message -> message != null && !message.isBlank())
        .findFirst()
        .orElseGet(() -> HttpStatus.getDefaultReason(code));
  }

  private static String type(int code) {
    String slug = slug(code);
    return slug == null ? "about:blank" : TYPE_PREFIX + slug;
  }

  private static String title(int code, HttpResponse<?> response) {
    return switch (code) {
      case 400 -> "Malformed request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      case 422 -> "Invalid values";
      case 429 -> "Too many requests";
      case 503 -> "Unavailable";
      default -> response.reason();
    };
  }

  private static String slug(int code) {
    return switch (code) {
      case 400 -> "malformed-request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 409 -> "conflict";
      case 413 -> "payload-too-large";
      case 415 -> "unsupported-media-type";
      case 422 -> "invalid-values";
      case 429 -> "too-many-requests";
      case 500 -> "internal-error";
      case 503 -> "unavailable";
      default -> null;
    };
  }
}
