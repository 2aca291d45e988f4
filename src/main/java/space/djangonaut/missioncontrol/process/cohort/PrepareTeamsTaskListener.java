package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.team.TeamService;

/** On creating Task_ConfirmTeams: the proposed teams and what could not be satisfied, shown read-only. */
@Component
class PrepareTeamsTaskListener implements TaskListener {

  private final TeamService teams;

  PrepareTeamsTaskListener(TeamService teams) {
    this.teams = teams;
  }

  /** The engine keeps string variables of up to 4000 characters; a large cohort's plan is cut with a note. */
  static String fit(String text) {
    int limit = 3900;
    return text.length() <= limit ? text
        : text.substring(0, text.lastIndexOf('\n', limit) + 1) + "... and more: see the cohort's teams page.";
  }

  @Override
  public void notify(DelegateTask task) {
    long cohortId = (Long) task.getVariable(CohortProcess.COHORT_ID);
    task.setVariableLocal("teamPlan", fit(teams.planText(cohortId)));
    task.setVariableLocal("teamProblems", fit(teams.problemsText(cohortId)));
  }
}
