package space.djangonaut.missioncontrol.process.volunteer;

import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.DECISION;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.END_EVENT_APPROVED;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.END_EVENT_DECLINED;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.FORM_APPROVE_VOLUNTEER;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.KEY;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.TASK_APPROVE_VOLUNTEER;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.TASK_CREATE_ACCOUNT;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.TASK_SEND_DECLINED;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.TASK_SEND_WELCOME;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.VOLUNTEER_ID;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.process.DiagramEngine;
import space.djangonaut.missioncontrol.process.StepStubs.Run;

/** Every path of {@code bpmn/volunteer.bpmn} alone, on the in-memory diagram engine with its steps stubbed. */
class VolunteerDiagramTest {

  @RegisterExtension
  static final DiagramEngine engine = DiagramEngine.of(KEY, VolunteerSteps.class).coverageFloor(1.0, 1.0);

  private static final long VOLUNTEER = 7L;
  /** The values of the decision field of {@code forms/approve-volunteer.form}. */
  private static final String APPROVE = "approve";
  private static final String DECLINE = "decline";

  @Test
  void shouldAskAnOrganiserToApproveANewVolunteer() {
    ProcessInstance pi = signUp();

    assertThat(pi).isWaitingAtExactly(TASK_APPROVE_VOLUNTEER);
    assertThat(task()).hasCandidateGroup(Roles.ORGANISERS).isNotAssigned();
    Assertions.assertThat(engine.deployedFormId(task())).isEqualTo(FORM_APPROVE_VOLUNTEER);
    Assertions.assertThat(engine.steps().runs())
        .extracting(Run::bean, Run::elementId, Run::event, run -> run.variable(VOLUNTEER_ID))
        .containsExactly(tuple("prepareApprovalTaskListener", TASK_APPROVE_VOLUNTEER, "create", VOLUNTEER));
  }

  @Test
  void shouldCreateAnAccountAndWelcomeAnApprovedVolunteer() {
    ProcessInstance pi = signUp();

    assertThat(pi).isWaitingAtExactly(TASK_APPROVE_VOLUNTEER);
    complete(task(), withVariables(DECISION.name(), APPROVE));
    assertThat(pi).isWaitingAtExactly(TASK_SEND_WELCOME);
    execute(job());

    assertThat(pi).isEnded()
        .hasPassedInOrder(TASK_APPROVE_VOLUNTEER, TASK_CREATE_ACCOUNT, TASK_SEND_WELCOME, END_EVENT_APPROVED)
        .hasNotPassed(TASK_SEND_DECLINED, END_EVENT_DECLINED);
    Assertions.assertThat(engine.steps().runs())
        .extracting(Run::bean, Run::elementId)
        .containsExactly(
            tuple("prepareApprovalTaskListener", TASK_APPROVE_VOLUNTEER),
            tuple("recordVolunteerDecisionListener", TASK_APPROVE_VOLUNTEER),
            tuple("createVolunteerAccountDelegate", TASK_CREATE_ACCOUNT),
            tuple("sendVolunteerWelcomeDelegate", TASK_SEND_WELCOME));
    Assertions.assertThat(engine.steps().runsOf("recordVolunteerDecisionListener").get(0).variable(DECISION))
        .isEqualTo(APPROVE);
  }

  @Test
  void shouldThankADeclinedVolunteerWithoutCreatingAnAccount() {
    ProcessInstance pi = signUp();

    assertThat(pi).isWaitingAtExactly(TASK_APPROVE_VOLUNTEER);
    complete(task(), withVariables(DECISION.name(), DECLINE));
    assertThat(pi).isWaitingAtExactly(TASK_SEND_DECLINED);
    execute(job());

    assertThat(pi).isEnded()
        .hasPassedInOrder(TASK_APPROVE_VOLUNTEER, TASK_SEND_DECLINED, END_EVENT_DECLINED)
        .hasNotPassed(TASK_CREATE_ACCOUNT, TASK_SEND_WELCOME, END_EVENT_APPROVED);
    Assertions.assertThat(engine.steps().runsOf("createVolunteerAccountDelegate")).isEmpty();
    Assertions.assertThat(engine.steps().runsOf("sendVolunteerDeclinedDelegate"))
        .extracting(run -> run.variable(VOLUNTEER_ID)).containsExactly(VOLUNTEER);
  }

  private static ProcessInstance signUp() {
    return runtimeService().startProcessInstanceByKey(KEY, String.valueOf(VOLUNTEER),
        Map.of(VOLUNTEER_ID.name(), VOLUNTEER));
  }
}
