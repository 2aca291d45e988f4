package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mentorship.MentorshipService;

/** On creating a Navigator's Task_RecordCheckIn: the team and its members, shown read-only in the form. */
@Component
class PrepareCheckInListener implements TaskListener {

  private final MentorshipService mentorship;

  PrepareCheckInListener(MentorshipService mentorship) {
    this.mentorship = mentorship;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariablesLocal(mentorship.checkInContext(
        (Long) task.getVariable(CohortProcess.TEAM_ID), ((Number) task.getVariable(CohortProcess.WEEK)).longValue()));
  }
}
