package space.djangonaut.missioncontrol.process.volunteer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/** Welcomes the approved volunteer with their user name and a link to choose a password. */
@Component
class SendVolunteerWelcomeDelegate implements JavaDelegate {

  private final VolunteerService volunteers;

  SendVolunteerWelcomeDelegate(VolunteerService volunteers) {
    this.volunteers = volunteers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long volunteerId = (Long) execution.getVariable(VolunteerProcess.VOLUNTEER_ID);
    volunteers.sendWelcome(volunteerId, Step.of(execution));
  }
}
