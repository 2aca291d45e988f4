package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.mentorship.MentorshipService;

/** Timeout of Task_RecordCheckIn a week after its reminder: tells the organisers. */
@Component
class CheckInEscalationListener implements TaskListener {

  private final MentorshipService mentorship;

  CheckInEscalationListener(MentorshipService mentorship) {
    this.mentorship = mentorship;
  }

  @Override
  public void notify(DelegateTask task) {
    mentorship.escalateToOrganisers((Long) task.getVariable(CohortProcess.TEAM_ID),
        ((Number) task.getVariable(CohortProcess.WEEK)).longValue(), Step.of(task));
  }
}
