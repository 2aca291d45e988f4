package space.djangonaut.missioncontrol.survey;

/** What the mid-point check asks of the process that runs a team (implemented in the process layer). */
public interface MidpointWorkflow {

  /**
   * Tells the team's running process that a mid-point answer raised a concern, so that an organiser follows it up.
   *
   * @return false if the team has no running process (its weeks are over): the concern is then on the cohort's
   *     mid-point page only
   */
  boolean concernRaised(long teamId, long midpointCheckId);
}
