package space.djangonaut.missioncontrol.process.volunteer;

import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
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
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.END_EVENT_REMINDED;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.EVENT_PASSWORD_CHOSEN;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.EVENT_SIGN_IN_REMINDER_DUE;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.GATEWAY_SIGN_IN_OR_REMINDER;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.MESSAGE_PASSWORD_CHOSEN;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.SIGN_IN_REMINDER_AT;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.TASK_REMIND_TO_SIGN_IN;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
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
  void shouldDrawTheApprovalAgainForTheOrganiserWhoClaimsIt() {
    ProcessInstance pi = signUp();
    assertThat(pi).isWaitingAtExactly(TASK_APPROVE_VOLUNTEER);

    claim(task(), "organiser-jeff");

    Assertions.assertThat(engine.steps().runs())
        .extracting(Run::bean, Run::event, Run::assignee)
        .containsExactly(tuple("prepareApprovalTaskListener", "create", null),
            tuple("prepareApprovalTaskListener", "assignment", "organiser-jeff"));
  }

  @Test
  void shouldCreateAnAccountAndWelcomeAnApprovedVolunteerThenEndWhenTheyChooseTheirPassword() {
    engine.steps().whenRun("sendVolunteerWelcomeDelegate",
        scope -> SIGN_IN_REMINDER_AT.on(scope, Date.from(DiagramEngine.START.plus(Duration.ofDays(3)))));
    ProcessInstance pi = signUp();

    assertThat(pi).isWaitingAtExactly(TASK_APPROVE_VOLUNTEER);
    complete(task(), withVariables(DECISION.name(), APPROVE));
    assertThat(pi).isWaitingAtExactly(TASK_SEND_WELCOME);
    execute(job());
    assertThat(pi).isWaitingAtExactly(GATEWAY_SIGN_IN_OR_REMINDER);
    Assertions.assertThat(engine.timerAt(pi, EVENT_SIGN_IN_REMINDER_DUE).getDuedate())
        .isEqualTo(Date.from(DiagramEngine.START.plus(Duration.ofDays(3))));
    runtimeService().createMessageCorrelation(MESSAGE_PASSWORD_CHOSEN)
        .processInstanceBusinessKey(String.valueOf(VOLUNTEER)).correlate();

    assertThat(pi).isEnded()
        .hasPassedInOrder(TASK_APPROVE_VOLUNTEER, TASK_CREATE_ACCOUNT, TASK_SEND_WELCOME, EVENT_PASSWORD_CHOSEN,
            END_EVENT_APPROVED)
        .hasNotPassed(TASK_SEND_DECLINED, END_EVENT_DECLINED, TASK_REMIND_TO_SIGN_IN);
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

  @Test
  void shouldRemindAVolunteerWhoHasNotChosenAPasswordWhenTheWelcomeStepSaysSo() {
    Instant remindAt = DiagramEngine.START.plus(Duration.ofDays(3));
    engine.steps().whenRun("sendVolunteerWelcomeDelegate", scope -> SIGN_IN_REMINDER_AT.on(scope, Date.from(remindAt)));
    ProcessInstance pi = signUp();
    assertThat(pi).isWaitingAtExactly(TASK_APPROVE_VOLUNTEER);
    complete(task(), withVariables(DECISION.name(), APPROVE));
    execute(job());

    engine.clockAt(remindAt.minusSeconds(1));
    Assertions.assertThat(engine.dueTimers(pi)).isEmpty();
    engine.clockAt(remindAt);
    execute(engine.dueTimer(pi));
    assertThat(pi).isWaitingAtExactly(TASK_REMIND_TO_SIGN_IN);
    execute(job());

    assertThat(pi).isEnded().hasPassedInOrder(TASK_SEND_WELCOME, EVENT_SIGN_IN_REMINDER_DUE, TASK_REMIND_TO_SIGN_IN,
        END_EVENT_REMINDED).hasNotPassed(EVENT_PASSWORD_CHOSEN, END_EVENT_APPROVED);
    Assertions.assertThat(engine.steps().runsOf("remindToSignInDelegate"))
        .extracting(Run::elementId, run -> run.variable(VOLUNTEER_ID))
        .containsExactly(tuple(TASK_REMIND_TO_SIGN_IN, VOLUNTEER));
  }

  private static ProcessInstance signUp() {
    return runtimeService().startProcessInstanceByKey(KEY, String.valueOf(VOLUNTEER),
        Map.of(VOLUNTEER_ID.name(), VOLUNTEER));
  }
}
