package space.djangonaut.missioncontrol.process.volunteer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/** On completing Task_ApproveVolunteer: records the decision, or refuses a missing one. */
@Component
class RecordVolunteerDecisionListener implements TaskListener {

  private final VolunteerService volunteers;

  RecordVolunteerDecisionListener(VolunteerService volunteers) {
    this.volunteers = volunteers;
  }

  @Override
  public void notify(DelegateTask task) {
    long volunteerId = (Long) task.getVariable(VolunteerProcess.VOLUNTEER_ID);
    volunteers.decide(volunteerId, task.getVariable(VolunteerProcess.DECISION));
  }
}
