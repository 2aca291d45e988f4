package space.djangonaut.missioncontrol.cohort;

/**
 * What the cohort feature asks of {@code cohort.bpmn}; the process layer implements it. Joins the caller's
 * transaction.
 */
public interface CohortWorkflow {

  /** Starts a cohort's process with the organiser's form, as Tasklist's start form would (business key: slug). */
  void open(CohortForm form);

  /**
   * Closes the cohort's applications before the end of the window.
   *
   * @return false if the cohort's process is not in its application window
   */
  boolean closeApplicationsEarly(String slug);

  /**
   * Asks for the selection now, with the reviews in, while some applications are still in review.
   *
   * @return false if the cohort's process is not waiting for reviews (the window is open, or the ranking is done)
   */
  boolean requestSelection(String slug);

  /**
   * What the cohort's processes wait for now (the engine's clock): the current steps of its process, the timers of
   * its process, its teams' processes and its applications' processes, and their open tasks by person. Reads only.
   *
   * @param cohort the cohort; its process is found by its slug (business key), its applications' by its tenant
   * @return {@link CohortWaits#nothing} plus the applications' timers and tasks if no process runs for the cohort
   */
  CohortWaits waitingFor(Cohort cohort);
}
