package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mentorship.MentorshipService;

/** On completing Task_RecordCheckIn: stores what the Navigator recorded. */
@Component
class RecordCheckInListener implements TaskListener {

  private final MentorshipService mentorship;

  RecordCheckInListener(MentorshipService mentorship) {
    this.mentorship = mentorship;
  }

  @Override
  public void notify(DelegateTask task) {
    mentorship.recordCheckIn((Long) task.getVariable(CohortProcess.COHORT_ID),
        (Long) task.getVariable(CohortProcess.TEAM_ID), ((Number) task.getVariable(CohortProcess.WEEK)).longValue(),
        task.getAssignee(), task.getVariables());
  }
}
