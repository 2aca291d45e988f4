package space.djangonaut.missioncontrol.process.cohort;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mentorship.MentorshipService;

/** On completing Task_HoldOneToOne: stores whether it was held, and the Captain's notes. */
@Component
class RecordOneToOneListener implements TaskListener {

  private final MentorshipService mentorship;

  RecordOneToOneListener(MentorshipService mentorship) {
    this.mentorship = mentorship;
  }

  @Override
  public void notify(DelegateTask task) {
    mentorship.recordOneToOne((Long) task.getVariable(CohortProcess.COHORT_ID),
        (Long) task.getVariable(CohortProcess.DJANGONAUT_ID),
        ((Number) task.getVariable(CohortProcess.WEEK)).longValue(), task.getAssignee(), task.getVariables());
  }
}
