package space.djangonaut.missioncontrol.application;

/**
 * What the application feature asks of the processes that run applications and cohorts ({@code application.bpmn},
 * {@code cohort.bpmn}). The process layer implements it; this package never names a process, message or variable.
 * Every call joins the caller's transaction.
 */
public interface ApplicationWorkflow {

  /** Starts the process of a newly stored application (business key: the application's id). */
  void submitted(long applicationId);

  /**
   * Tells the application's process the selection's outcome.
   *
   * @return false if the process is not waiting for a decision (already decided, or erased)
   */
  boolean decided(long applicationId, Outcome outcome);

  /**
   * Tells the application's process the applicant's answer to the offer.
   *
   * @return false if the process no longer waits for an answer (the offer expired a moment ago)
   */
  boolean offerAnswered(long applicationId, boolean accepted);

  /** A waitlisted applicant is offered a freed place: their process sends the offer. */
  void placeOffered(long applicationId);

  /** The teams were formed with this applicant still on the waitlist: their process sends the closing email. */
  void waitlistClosed(long applicationId);

  /** An offered place was declined or expired: the cohort's process, if it runs, offers it to the waitlist. */
  void placeReleased(String cohortSlug);

  /**
   * An application's reviews (tie-break included) are in: the cohort's process, if it waits for the last reviews,
   * counts again what is still in review. Nothing happens if it does not wait.
   */
  void applicationReviewed(String cohortSlug);

  /**
   * The person withdrew (or was withdrawn, or erased): the application's own process ends wherever it waits (a review,
   * a decision, an offer's answer, a placement), with its history kept. Nothing happens if it has ended.
   */
  void withdrawn(long applicationId);

  /**
   * A confirmed Djangonaut withdrew: their team's process, if it runs, stops what was about them and tells their
   * Navigator and Captain.
   *
   * @return false if they are in no team whose process runs (the teams are not formed, or not welcomed yet)
   */
  boolean djangonautWithdrew(long applicationId);
}
