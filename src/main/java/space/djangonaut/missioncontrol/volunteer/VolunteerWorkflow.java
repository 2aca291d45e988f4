package space.djangonaut.missioncontrol.volunteer;

/**
 * What the volunteer feature asks of {@code volunteer.bpmn}; the process layer implements it. Joins the caller's
 * transaction.
 */
public interface VolunteerWorkflow {

  /** Starts the approval of a newly stored sign-up (business key: the volunteer's id). */
  void signedUp(long volunteerId);

  /**
   * The approved volunteer chose their password: their process stops waiting to remind them. Nothing happens when
   * it waits for no such thing (it ended, or was erased).
   */
  void passwordChosen(long volunteerId);
}
