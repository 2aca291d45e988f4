package space.djangonaut.missioncontrol.process.cohort;

import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.COHORT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortService;

/**
 * The cohort a cohort process runs, found by the process's business key: the cohort's slug, which
 * {@code Task_CreateCohort} sets and no task, form or REST call of anyone but an organiser can change. The
 * {@code cohortId} variable, the copy the diagram's expressions read (the weeks' timers, the teams of the check-ins),
 * must still name the same cohort: a Navigator or Captain who could write it would otherwise point the steps at
 * another cohort.
 */
@Component
class CohortOfProcess {

  private final CohortService cohorts;

  CohortOfProcess(CohortService cohorts) {
    this.cohorts = cohorts;
  }

  /**
   * The id of the process's cohort.
   *
   * @throws IllegalStateException if the process has no business key yet, or {@code cohortId} names another cohort
   *     (someone changed it): the step fails and the engine rolls back (a completion is refused, a job raises an
   *     incident) until an organiser sets it right
   * @throws space.djangonaut.missioncontrol.common.NotFoundException if no cohort has that slug
   */
  long id(DelegateExecution execution) {
    String slug = execution.getProcessBusinessKey();
    if (slug == null) {
      throw new IllegalStateException("This cohort process has no business key (the cohort's web name) yet.");
    }
    long id = cohorts.bySlug(slug).getId();
    COHORT_ID.optionalFrom(execution).filter(value -> value != id).ifPresent(value -> {
      throw new IllegalStateException("Process variable " + COHORT_ID.name() + " holds " + value + " but the process"
          + " runs cohort \"" + slug + "\" (" + id + "): someone changed it; set it back to " + id + " to continue.");
    });
    return id;
  }

  /** The id of the cohort of the task's process: see {@link #id(DelegateExecution)}. */
  long id(DelegateTask task) {
    return id(task.getExecution());
  }
}
