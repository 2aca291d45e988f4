package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.team.TeamService;

/** Forms the teams from the confirmed Djangonauts and approved volunteers; the organiser confirms them next. */
@Component
class FormTeamsDelegate implements JavaDelegate {

  private final TeamService teams;

  FormTeamsDelegate(TeamService teams) {
    this.teams = teams;
  }

  @Override
  public void execute(DelegateExecution execution) {
    teams.formTeams((Long) execution.getVariable(CohortProcess.COHORT_ID));
  }
}
