package space.djangonaut.missioncontrol.team;

/**
 * What the team feature asks of a team's process ({@code team.bpmn}); the process layer implements it. Joins the
 * caller's transaction.
 */
public interface TeamWorkflow {

  /**
   * Tells the team's running process that a Navigator or Captain stepped down, so that an organiser chooses their
   * replacement; the weeks go on meanwhile.
   *
   * @return false if the team has no running process (its weeks are over, or have not begun)
   */
  boolean volunteerSteppedDown(long teamId, long stepDownId);
}
