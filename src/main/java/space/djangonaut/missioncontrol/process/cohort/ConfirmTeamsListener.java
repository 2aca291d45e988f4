package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.team.TeamService;

/** On completing Task_ConfirmTeams: applies the organiser's adjustments, or refuses them with the reason. */
@Component
class ConfirmTeamsListener implements TaskListener {

  private final TeamService teams;

  ConfirmTeamsListener(TeamService teams) {
    this.teams = teams;
  }

  @Override
  public void notify(DelegateTask task) {
    teams.adjust((Long) task.getVariable(CohortProcess.COHORT_ID), (String) task.getVariable("teamAdjustments"));
  }
}
