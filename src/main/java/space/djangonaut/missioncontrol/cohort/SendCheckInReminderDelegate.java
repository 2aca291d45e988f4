package space.djangonaut.missioncontrol.cohort;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The week's check-in is overdue: reminds the Navigator. */
@Component
class SendCheckInReminderDelegate implements JavaDelegate {

  private final MentorshipService mentorship;

  SendCheckInReminderDelegate(MentorshipService mentorship) {
    this.mentorship = mentorship;
  }

  @Override
  public void execute(DelegateExecution execution) {
    mentorship.remindNavigator((Long) execution.getVariable(CohortProcess.TEAM_ID),
        ((Number) execution.getVariable(CohortProcess.WEEK)).longValue(), execution.getProcessInstanceId());
  }
}
