package space.djangonaut.missioncontrol.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creating Task_ConfirmTeams: the proposed teams and what could not be satisfied, shown read-only. */
@Component
class PrepareTeamsTaskListener implements TaskListener {

  private final TeamService teams;

  PrepareTeamsTaskListener(TeamService teams) {
    this.teams = teams;
  }

  @Override
  public void notify(DelegateTask task) {
    long cohortId = (Long) task.getVariable(CohortProcess.COHORT_ID);
    task.setVariableLocal("teamPlan", teams.planText(cohortId));
    task.setVariableLocal("teamProblems", teams.problemsText(cohortId));
  }
}
