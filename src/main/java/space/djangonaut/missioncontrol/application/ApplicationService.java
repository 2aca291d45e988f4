package space.djangonaut.missioncontrol.application;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortService;
import space.djangonaut.missioncontrol.common.NotFoundException;

/** Applications: submitting one starts its process; the selection's decision moves it on. */
@Service
public class ApplicationService {

  /** A second identical submission within this time is the same application (a double click), not a duplicate. */
  static final java.time.Duration RESUBMISSION_WINDOW = java.time.Duration.ofMinutes(2);

  private final ApplicationRepository applications;
  private final CohortService cohorts;
  private final ApplicationWorkflow workflow;
  private final Clock clock;

  ApplicationService(ApplicationRepository applications, CohortService cohorts, ApplicationWorkflow workflow,
      Clock clock) {
    this.applications = applications;
    this.cohorts = cohorts;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * Stores an application and starts its process (business key = application id) in one transaction.
   *
   * @throws WindowClosedException if the cohort is not taking applications now
   * @throws DuplicateApplicationException if this email has already applied to this cohort (the same form sent
   *     again within two minutes returns the first application instead: a double click creates one)
   */
  @Transactional
  public Application submit(String cohortSlug, ApplicationForm form) {
    return submit(cohortSlug, form, null, null);
  }

  /**
   * As {@link #submit(String, ApplicationForm)}, with the answers to the application form's other questions
   * (validated by {@link ApplyFormSchema#validate}) and the version of the form they answered.
   *
   * @param otherAnswers the typed answers by question key, or null
   * @param formVersion the deployed version of {@code forms/apply.form}, or null
   */
  @Transactional
  public Application submit(String cohortSlug, ApplicationForm form,
      com.fasterxml.jackson.databind.node.ObjectNode otherAnswers, Integer formVersion) {
    Cohort cohort = cohorts.bySlug(cohortSlug);
    if (!cohort.isAcceptingApplicationsAt(clock.instant())) {
      throw new WindowClosedException(cohort);
    }
    String email = ApplicationForm.normaliseEmail(form.getEmail());
    var earlier = applications.findByCohortIdAndEmail(cohort.getId(), email);
    if (earlier.isPresent()) {
      if (isResubmission(earlier.get(), form)) {
        return earlier.get();
      }
      throw new DuplicateApplicationException();
    }
    // Flush now: the unique key on (cohort, email) catches a double click racing past the check above.
    Application application = new Application(cohort, form, clock.instant());
    application.answeredOthers(otherAnswers == null || otherAnswers.isEmpty() ? null : otherAnswers.toString(),
        formVersion);
    application = applications.saveAndFlush(application);
    workflow.submitted(application.getId());
    return application;
  }

  /** A double click or a reload: the same person sent the same form again moments ago. */
  private boolean isResubmission(Application earlier, ApplicationForm form) {
    return earlier.getName().equals(form.getName().strip())
        && earlier.getSubmittedAt().isAfter(clock.instant().minus(RESUBMISSION_WINDOW));
  }

  /** The application with its cohort, or {@link NotFoundException}. */
  @Transactional(readOnly = true)
  public Application byId(long applicationId) {
    return applications.findWithCohort(applicationId)
        .orElseThrow(() -> new NotFoundException("No application " + applicationId + "."));
  }

  /**
   * Records the selection's decision and sends {@code Message_SelectionDecided} to the application's process.
   *
   * @throws NotReadyForDecisionException if the application's process is not waiting for the decision
   */
  @Transactional
  public Application decide(long applicationId, Outcome outcome) {
    Application application = byId(applicationId);
    if (!decideIfWaiting(application, outcome)) {
      throw new NotReadyForDecisionException(application);
    }
    return application;
  }

  /**
   * As {@link #decide}, for an application already loaded in this transaction, without throwing: an application
   * whose process does not wait for its decision now (still in review, told already, erased) is left as it is, and
   * the transaction stays good for the others of a batch.
   *
   * @return whether the application's process took the decision
   */
  @Transactional
  public boolean decideIfWaiting(Application application, Outcome outcome) {
    if (!workflow.decided(application.getId(), outcome)) {
      return false;
    }
    application.decided(outcome);
    return true;
  }

  /** The cohort is not taking applications now. */
  public static class WindowClosedException extends RuntimeException {
    private final transient Cohort cohort;

    WindowClosedException(Cohort cohort) {
      super("Applications to " + cohort.getName() + " are not open.");
      this.cohort = cohort;
    }

    public Cohort cohort() {
      return cohort;
    }
  }

  /** This email address has already applied to this cohort. */
  public static class DuplicateApplicationException extends RuntimeException {
    DuplicateApplicationException() {
      super("An application from this email address has already been received for this cohort.");
    }
  }

  /** The application's process is not waiting for a decision (still in review, or already decided). */
  public static class NotReadyForDecisionException extends RuntimeException {
    NotReadyForDecisionException(Application application) {
      super("Application " + application.getId() + " is not waiting for a decision (it is "
          + application.getStatus().name().toLowerCase() + ").");
    }
  }
}
