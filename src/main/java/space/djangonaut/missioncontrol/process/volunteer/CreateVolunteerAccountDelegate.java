package space.djangonaut.missioncontrol.process.volunteer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/** Creates the approved volunteer's Camunda account in the navigators or captains group. */
@Component
class CreateVolunteerAccountDelegate implements JavaDelegate {

  private final VolunteerService volunteers;

  CreateVolunteerAccountDelegate(VolunteerService volunteers) {
    this.volunteers = volunteers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long volunteerId = (Long) execution.getVariable(VolunteerProcess.VOLUNTEER_ID);
    volunteers.createAccount(volunteerId);
  }
}
