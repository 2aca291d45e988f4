package space.djangonaut.missioncontrol.process.team;

import static space.djangonaut.missioncontrol.process.team.TeamProcess.STEP_DOWN_ID;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.survey.MidpointWorkflow;
import space.djangonaut.missioncontrol.team.TeamWorkflow;

/** The team and mid-point features' requests as messages to {@code team.bpmn}. */
@Component
class TeamWorkflowOnEngine implements TeamWorkflow, MidpointWorkflow {

  private final RuntimeService runtimeService;

  TeamWorkflowOnEngine(RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
  }

  @Override
  public boolean volunteerSteppedDown(long teamId, long stepDownId) {
    // The step-down's id goes to the event subprocess's own scope: two step-downs at once do not share it.
    return !runtimeService.createMessageCorrelation(TeamProcess.MESSAGE_VOLUNTEER_STEPPED_DOWN)
        .processInstanceBusinessKey(String.valueOf(teamId))
        .setVariablesToTriggeredScope(Map.of(STEP_DOWN_ID.name(), stepDownId))
        .correlateAllWithResult().isEmpty();
  }

  @Override
  public boolean concernRaised(long teamId, long midpointCheckId) {
    // The check's id goes to the event subprocess's own scope: two concerns at once do not share it.
    return !runtimeService.createMessageCorrelation(TeamProcess.MESSAGE_CONCERN_RAISED)
        .processInstanceBusinessKey(String.valueOf(teamId))
        .setVariablesToTriggeredScope(Map.of(TeamProcess.MIDPOINT_CHECK_ID.name(), midpointCheckId))
        .correlateAllWithResult().isEmpty();
  }
}
