package space.djangonaut.missioncontrol.process.volunteer;

import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.VOLUNTEER_ID;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.volunteer.VolunteerWorkflow;

/** The volunteer feature's requests as starts of {@code volunteer.bpmn} and messages to it. */
@Component
class VolunteerWorkflowOnEngine implements VolunteerWorkflow {

  private final RuntimeService runtimeService;

  VolunteerWorkflowOnEngine(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public void signedUp(long volunteerId) {
    runtimeService.startProcessInstanceByKey(VolunteerProcess.KEY, String.valueOf(volunteerId),
        Map.of(VOLUNTEER_ID.name(), volunteerId));
  }

  @Override
  public void passwordChosen(long volunteerId) {
    // correlateAll: no error when the process waits for nothing (it ended, or the volunteer never had one).
    runtimeService.createMessageCorrelation(VolunteerProcess.MESSAGE_PASSWORD_CHOSEN)
        .processInstanceBusinessKey(String.valueOf(volunteerId)).correlateAll();
  }
}
