package space.djangonaut.missioncontrol.volunteer;

/**
 * What the volunteer feature asks of {@code volunteer.bpmn}; the process layer implements it. Joins the caller's
 * transaction.
 */
public interface VolunteerWorkflow {

  /** Starts the approval of a newly stored sign-up (business key: the volunteer's id). */
  void signedUp(long volunteerId);
}
