package space.djangonaut.missioncontrol.process.volunteer;

import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.DECISION;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.SIGN_IN_REMINDER_AT;
import static space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess.volunteerId;

import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.process.TaskForms;
import space.djangonaut.missioncontrol.volunteer.VolunteerDecision;
import space.djangonaut.missioncontrol.volunteer.VolunteerService;

/**
 * The steps of {@code bpmn/volunteer.bpmn}, under the bean names its {@code delegateExpression}s use. The volunteer
 * they act on is the process's business key ({@link VolunteerProcess#volunteerId}).
 */
@Configuration(proxyBeanMethods = false)
class VolunteerSteps {

  /**
   * On creating Task_ApproveVolunteer, on assigning it, and when its assignee chooses another zone
   * ({@code process/FormsInAssigneeZone}): the volunteer's answers, shown read-only to the organiser, the
   * availability in the assignee's zone with UTC alongside (the fallback zone while nobody holds it).
   */
  @Bean
  TaskListener prepareApprovalTaskListener(VolunteerService volunteers, TaskForms forms) {
    return task -> forms.show(task, volunteers.answersForOrganiser(volunteerId(task), task.getAssignee()));
  }

  /**
   * On completing Task_ApproveVolunteer: the decision recorded, or a missing one refused. Gateway_Approved compares
   * the decision with "approve": it is written back as the form's own value, whatever case it was sent in.
   */
  @Bean
  TaskListener recordVolunteerDecisionListener(VolunteerService volunteers, TaskForms forms) {
    return task -> {
      VolunteerDecision decision = forms.bind(task, VolunteerDecision.class);
      volunteers.decide(volunteerId(task), decision);
      DECISION.on(task, decision.volunteerDecision().name().toLowerCase(Locale.ROOT));
    };
  }

  /** Task_CreateVolunteerAccount: a Camunda account in the navigators or captains group. */
  @Bean
  JavaDelegate createVolunteerAccountDelegate(VolunteerService volunteers) {
    return execution -> volunteers.createAccount(volunteerId(execution));
  }

  /**
   * Task_SendVolunteerWelcome: the user name and a link to choose a password; writes when Event_SignInReminderDue
   * reminds a volunteer who has not chosen one.
   */
  @Bean
  JavaDelegate sendVolunteerWelcomeDelegate(VolunteerService volunteers) {
    return execution -> SIGN_IN_REMINDER_AT.on(execution,
        Date.from(volunteers.sendWelcome(volunteerId(execution), Step.of(execution))));
  }

  /** Task_RemindToSignIn: no password chosen since the welcome; a reminder with a fresh link. */
  @Bean
  JavaDelegate remindToSignInDelegate(VolunteerService volunteers) {
    return execution -> volunteers.remindToSignIn(volunteerId(execution), Step.of(execution));
  }

  /** Task_SendVolunteerDeclined: thanks a volunteer the organisers did not take this time. */
  @Bean
  JavaDelegate sendVolunteerDeclinedDelegate(VolunteerService volunteers) {
    return execution -> volunteers.sendDeclined(volunteerId(execution), Step.of(execution));
  }
}
