package space.djangonaut.missioncontrol.process.application;

/**
 * Stands in for the bean {@code teamDirectory} ({@code team.TeamDirectory}) in {@code application.bpmn}'s gateway
 * after Task_ConfirmPlace: whether the Djangonaut's cohort has formed its teams already, and so needs an organiser to
 * place them. Public, with public methods, for the expression language to call.
 */
public class TeamsStub {

  /** The bean name the diagram's expressions use. */
  public static final String BEAN = "teamDirectory";

  private final boolean teamsFormed;

  public TeamsStub(boolean teamsFormed) {
    this.teamsFormed = teamsFormed;
  }

  /** Whether the Djangonaut awaits a team: the teams are formed, and they are in none. */
  public boolean awaitsPlacement(long applicationId) {
    return teamsFormed;
  }
}
