package space.djangonaut.missioncontrol.process.volunteer;

import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.VOLUNTEER_ID;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.volunteer.VolunteerWorkflow;

/** The volunteer feature's requests as starts of {@code volunteer.bpmn}. */
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
}
