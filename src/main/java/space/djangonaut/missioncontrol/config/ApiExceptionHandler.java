package space.djangonaut.missioncontrol.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import space.djangonaut.missioncontrol.application.ApplicationService;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.cohort.CohortReviewers;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.NotFoundException;

/** The JSON API's errors as RFC 9457 problems: 400 names each field and the reason. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
    Map<String, String> fields = new LinkedHashMap<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      fields.putIfAbsent(error.getField(), error.getDefaultMessage());
    }
    for (ObjectError error : e.getBindingResult().getGlobalErrors()) {
      fields.putIfAbsent(error.getObjectName(), error.getDefaultMessage());
    }
    problem.setProperty("fields", fields);
    return problem;
  }

  @ExceptionHandler(CohortReviewers.UnknownReviewersException.class)
  ProblemDetail unknownReviewers(CohortReviewers.UnknownReviewersException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are not valid.");
    problem.setProperty("fields", Map.of("reviewers", e.getMessage()));
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not the JSON this endpoint takes.");
  }

  /** A path or query parameter that is not of its type, e.g. {@code /api/teams/abc/step-down}: 400 naming it. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    String expected = type == long.class || type == Long.class || type == int.class || type == Integer.class
        ? "a whole number" : type == null ? "a valid value" : "a valid " + type.getSimpleName();
    String value = String.valueOf(e.getValue());
    return fieldProblem(e.getName(), "must be " + expected + ", not \""
        + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\".");
  }

  /** A required query parameter left out, e.g. {@code GET /api/personal-data} without {@code email}. */
  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missing(MissingServletRequestParameterException e) {
    return fieldProblem(e.getParameterName(), "is required.");
  }

  private static ProblemDetail fieldProblem(String field, String reason) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + reason);
    problem.setProperty("fields", Map.of(field, reason));
    return problem;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badValue(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler({CohortService.SlugTakenException.class, ApplicationService.NotReadyForDecisionException.class,
      CohortLifecycle.ApplicationsNotOpenException.class})
  ProblemDetail conflict(RuntimeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }
}
