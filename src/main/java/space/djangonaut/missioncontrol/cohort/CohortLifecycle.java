package space.djangonaut.missioncontrol.cohort;

import java.time.Clock;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cohort as a process: opening one starts {@code bpmn/cohort.bpmn} (business key = slug), whether from the
 * organiser page, the JSON API or Tasklist's start form; the process's first step creates the cohort.
 */
@Service
public class CohortLifecycle {

  private final CohortService cohorts;
  private final CohortRepository repository;
  private final CohortWorkflow workflow;
  private final CohortReviewers reviewers;
  private final Clock clock;

  CohortLifecycle(CohortService cohorts, CohortRepository repository, CohortWorkflow workflow,
      CohortReviewers reviewers, Clock clock) {
    this.cohorts = cohorts;
    this.reviewers = reviewers;
    this.repository = repository;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * Starts a cohort's process from a validated form and returns the cohort it created.
   *
   * @throws CohortService.SlugTakenException if another cohort has this slug
   * @throws CohortReviewers.UnknownReviewersException if a reviewer named is neither a group nor a user
   */
  @Transactional
  public Cohort open(CohortForm form) {
    if (repository.existsBySlug(form.getSlug())) {
      throw new CohortService.SlugTakenException(form.getSlug());
    }
    reviewers.parse(form.getReviewers());
    workflow.open(form);
    return cohorts.bySlug(form.getSlug());
  }

  /**
   * Creates the cohort from its process's start form (Task_CreateCohort).
   *
   * @param form the start form, bound and validated
   * @throws BadUserRequestException if another cohort has this slug, or a reviewer named is neither a group nor a
   *     user; Tasklist shows it
   */
  @Transactional
  public Cohort create(CohortForm form) {
    try {
      return cohorts.create(form);
    } catch (CohortService.SlugTakenException e) {
      throw new BadUserRequestException("slug: " + e.getMessage());
    } catch (CohortReviewers.UnknownReviewersException e) {
      throw new BadUserRequestException("reviewers: " + e.getMessage());
    }
  }

  /** Closes the application window (at its end, or early by an organiser's message). */
  @Transactional
  public void closeApplications(long cohortId) {
    repository.findById(cohortId).orElseThrow().closeApplications(clock.instant());
  }

  /**
   * Publishes the cohort's impact report (Task_ShowReportPublicly, once an organiser approved it): its public page
   * {@code /cohorts/{slug}/impact} answers from then on.
   */
  @Transactional
  public void publishReport(long cohortId) {
    repository.findById(cohortId).orElseThrow().publishReport(clock.instant());
  }

  /**
   * Closes a cohort's applications before the end of the window: sends the process its message.
   *
   * @throws ApplicationsNotOpenException if the cohort's process is not in its application window
   */
  @Transactional
  public void closeEarly(String slug) {
    if (!workflow.closeApplicationsEarly(slug)) {
      throw new ApplicationsNotOpenException(slug);
    }
  }

  /**
   * Starts the ranking now, with the reviews in, though some applications are still in review: the selection task
   * lists them and does not decide them.
   *
   * @throws NotWaitingForReviewsException if the cohort's process is not waiting for reviews
   */
  @Transactional
  public void requestSelection(String slug) {
    if (!workflow.requestSelection(slug)) {
      throw new NotWaitingForReviewsException(slug);
    }
  }

  /**
   * What the cohort is waiting for now, by the engine's clock: its process's current steps, the next timers, and
   * the open tasks by person with the overdue ones (for the organiser's cohort page).
   */
  public CohortWaits waitingFor(Cohort cohort) {
    return workflow.waitingFor(cohort);
  }

  /** The cohort's process is not waiting for reviews: its window is open, or its ranking is done. */
  public static class NotWaitingForReviewsException extends RuntimeException {
    NotWaitingForReviewsException(String slug) {
      super("The selection of " + slug + " is not waiting for reviews.");
    }
  }

  /** The cohort is not in its application window (closed already, or not run by a process). */
  public static class ApplicationsNotOpenException extends RuntimeException {
    ApplicationsNotOpenException(String slug) {
      super("Applications of " + slug + " are not open.");
    }
  }
}
