package space.djangonaut.missioncontrol.process.volunteer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/** Thanks a volunteer the organisers did not take this time. */
@Component
class SendVolunteerDeclinedDelegate implements JavaDelegate {

  private final VolunteerService volunteers;

  SendVolunteerDeclinedDelegate(VolunteerService volunteers) {
    this.volunteers = volunteers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long volunteerId = (Long) execution.getVariable(VolunteerProcess.VOLUNTEER_ID);
    volunteers.sendDeclined(volunteerId, Step.of(execution));
  }
}
