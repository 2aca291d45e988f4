package space.djangonaut.missioncontrol.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A week after the reminder the check-in is still missing: tells the organisers. */
@Component
class EscalateCheckInDelegate implements JavaDelegate {

  private final MentorshipService mentorship;

  EscalateCheckInDelegate(MentorshipService mentorship) {
    this.mentorship = mentorship;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mentorship.escalateToOrganisers((Long) execution.getVariable(CohortProcess.TEAM_ID),
        ((Number) execution.getVariable(CohortProcess.WEEK)).longValue(), execution.getProcessInstanceId());
  }
}
