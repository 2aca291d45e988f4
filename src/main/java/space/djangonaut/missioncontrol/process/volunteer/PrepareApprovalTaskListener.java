package space.djangonaut.missioncontrol.process.volunteer;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/** On creating Task_ApproveVolunteer: the volunteer's answers, shown read-only to the organiser. */
@Component
class PrepareApprovalTaskListener implements TaskListener {

  private final VolunteerService volunteers;

  PrepareApprovalTaskListener(VolunteerService volunteers) {
    this.volunteers = volunteers;
  }

  @Override
  public void notify(DelegateTask task) {
    long volunteerId = (Long) task.getVariable(VolunteerProcess.VOLUNTEER_ID);
    task.setVariablesLocal(volunteers.answersForOrganiser(volunteerId));
  }
}
