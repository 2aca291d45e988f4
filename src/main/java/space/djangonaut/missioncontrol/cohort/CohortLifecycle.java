package space.djangonaut.missioncontrol.cohort;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;

/**
 * A cohort as a process: opening one starts {@code bpmn/cohort.bpmn} (business key = slug), whether from the
 * organiser page, the JSON API or Tasklist's start form; the process's first step creates the cohort.
 */
@Service
public class CohortLifecycle {

  private final CohortService cohorts;
  private final CohortRepository repository;
  private final RuntimeService runtimeService;
  private final Validator validator;
  private final Clock clock;

  CohortLifecycle(CohortService cohorts, CohortRepository repository, RuntimeService runtimeService,
      Validator validator, Clock clock) {
    this.cohorts = cohorts;
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.validator = validator;
    this.clock = clock;
  }

  /**
   * Starts a cohort's process from a validated form and returns the cohort it created.
   *
   * @throws CohortService.SlugTakenException if another cohort has this slug
   */
  @Transactional
  public Cohort open(CohortForm form) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CohortProcess.NAME, form.getName());
    variables.put(CohortProcess.SLUG, form.getSlug());
    variables.put(CohortProcess.APPLICATIONS_OPEN_ON, form.getApplicationsOpenOn().toString());
    variables.put(CohortProcess.APPLICATIONS_CLOSE_ON, form.getApplicationsCloseOn().toString());
    variables.put(CohortProcess.STARTS_ON, form.getStartsOn().toString());
    variables.put(CohortProcess.WEEKS, (long) form.getWeeks());
    variables.put(CohortProcess.CAPACITY, (long) form.getCapacity());
    if (repository.existsBySlug(form.getSlug())) {
      throw new CohortService.SlugTakenException(form.getSlug());
    }
    runtimeService.startProcessInstanceByKey(CohortProcess.KEY, form.getSlug(), variables);
    return cohorts.bySlug(form.getSlug());
  }

  /**
   * Creates the cohort from the start form's variables (Task_CreateCohort).
   *
   * @throws BadUserRequestException naming each field that is missing or invalid; Tasklist shows it
   */
  @Transactional
  public CreatedCohort create(Map<String, Object> variables) {
    CohortForm form = new CohortForm();
    form.setName(text(variables.get(CohortProcess.NAME)));
    form.setSlug(text(variables.get(CohortProcess.SLUG)));
    form.setApplicationsOpenOn(date(variables, CohortProcess.APPLICATIONS_OPEN_ON));
    form.setApplicationsCloseOn(date(variables, CohortProcess.APPLICATIONS_CLOSE_ON));
    form.setStartsOn(date(variables, CohortProcess.STARTS_ON));
    form.setWeeks(number(variables.get(CohortProcess.WEEKS), 8));
    form.setCapacity(number(variables.get(CohortProcess.CAPACITY), 16));
    Set<ConstraintViolation<CohortForm>> violations = validator.validate(form);
    if (!violations.isEmpty()) {
      throw new BadUserRequestException(violations.stream()
          .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
          .map(v -> v.getPropertyPath() + ": " + v.getMessage()).collect(Collectors.joining(" ")));
    }
    try {
      Cohort cohort = cohorts.create(form);
      return new CreatedCohort(cohort.getId(), cohort.getSlug(), Date.from(cohort.applicationsCloseAt()),
          Date.from(cohort.startsAt()));
    } catch (CohortService.SlugTakenException e) {
      throw new BadUserRequestException("slug: " + e.getMessage());
    }
  }

  /** Closes the application window (at its end, or early by an organiser's message). */
  @Transactional
  public void closeApplications(long cohortId) {
    repository.findById(cohortId).orElseThrow().closeApplications(clock.instant());
  }

  /**
   * Closes a cohort's applications before the end of the window: sends the process its message.
   *
   * @throws ApplicationsNotOpenException if the cohort's process is not in its application window
   */
  @Transactional
  public void closeEarly(String slug) {
    try {
      runtimeService.createMessageCorrelation(CohortProcess.MESSAGE_CLOSE_APPLICATIONS)
          .processInstanceBusinessKey(slug).correlate();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ApplicationsNotOpenException(slug);
    }
  }

  /** The cohort is not in its application window (closed already, or not run by a process). */
  public static class ApplicationsNotOpenException extends RuntimeException {
    ApplicationsNotOpenException(String slug) {
      super("Applications of " + slug + " are not open.");
    }
  }

  /** What the process needs of a new cohort: its id, and the dates its timers wait for. */
  public record CreatedCohort(long cohortId, String slug, Date applicationsCloseAt, Date startsAt) {}

  private static String text(Object value) {
    return value == null ? null : value.toString().strip();
  }

  private static LocalDate date(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    try {
      // Camunda Forms send dates as 2026-12-01 (or a date-time whose day is what counts).
      return LocalDate.parse(value.toString().strip().substring(0, Math.min(10, value.toString().strip().length())));
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(name + ": give a date as YYYY-MM-DD.");
    }
  }

  private static int number(Object value, int otherwise) {
    if (value == null || value.toString().isBlank()) {
      return otherwise;
    }
    if (value instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      throw new BadUserRequestException("\"" + value + "\" is not a whole number.");
    }
  }
}
