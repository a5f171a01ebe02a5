package io.printrelay.function.problem;

import io.micronaut.context.annotation.Factory;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.printrelay.model.IllegalStatusChange;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Routes the exceptions the features throw to {@link ProblemResponses}: rejections, an action the
 * job state machine refuses (409, see {@link StatusConflicts}), and AWS failures (503: the request
 * may be retried; the features' writes are conditional, so a retry cannot duplicate).
 */
@Factory
public class ProblemExceptionHandlers {
  private static final Pattern INTAKE_TOKEN = Pattern.compile("^(/v1/intake/odoo/)[^/]*");
  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandlers.class);

  @Singleton
  ExceptionHandler<Rejection, HttpResponse<?>> rejections(ProblemResponses problems) {
    return (request, rejection) -> problems.reject(request, rejection);
  }

  @Singleton
  ExceptionHandler<IllegalStatusChange, HttpResponse<?>> illegalStatusChanges(
      ProblemResponses problems) {
    return (request, refused) -> problems.reject(request, StatusConflicts.of(refused));
  }

  @Singleton
  ExceptionHandler<SdkException, HttpResponse<?>> awsFailures(ProblemResponses problems) {
    return (request, failure) -> {
      LOG.warn("{} {} failed on AWS", request.getMethod(), logged(request.getPath()), failure);
      return problems.reject(
          request, new Unavailable("The job store or queue is unavailable; retry shortly."));
    };
  }

  /** The path as logged: an intake token is a credential, so it never reaches a log. */
  static String logged(String path) {
    return INTAKE_TOKEN.matcher(path).replaceFirst("$1\\{token}");
  }
}
