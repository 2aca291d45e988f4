package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.team.TeamService;

/** Welcomes each team: its Djangonauts, Navigator and Captains, with the week-0 preparation. */
@Component
class SendTeamWelcomeDelegate implements JavaDelegate {

  private final TeamService teams;

  SendTeamWelcomeDelegate(TeamService teams) {
    this.teams = teams;
  }

  @Override
  public void execute(DelegateExecution execution) {
    teams.sendWelcome((Long) execution.getVariable(CohortProcess.COHORT_ID), Step.of(execution));
  }
}
