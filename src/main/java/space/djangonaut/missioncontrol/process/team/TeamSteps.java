package space.djangonaut.missioncontrol.process.team;

import static space.djangonaut.missioncontrol.process.team.TeamProcess.COHORT_ID;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.DJANGONAUT_ID;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.MIDPOINT_CHECK_ID;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.STEP_DOWN_ID;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.FIELD_ONE_TO_ONE_HELD;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.TASK_HOLD_ONE_TO_ONE;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.WEEK;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.WITHDRAWN_DJANGONAUT_ID;
import static space.djangonaut.missioncontrol.process.team.TeamProcess.teamId;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.mentorship.CheckInReport;
import space.djangonaut.missioncontrol.mentorship.MentorshipService;
import space.djangonaut.missioncontrol.mentorship.OneToOneReport;
import space.djangonaut.missioncontrol.process.TaskForms;
import space.djangonaut.missioncontrol.survey.ConcernFollowUp;
import space.djangonaut.missioncontrol.survey.MidpointService;
import space.djangonaut.missioncontrol.team.ReplacementChoice;
import space.djangonaut.missioncontrol.team.VolunteerReplacements;

/**
 * The steps of {@code bpmn/team.bpmn}, under the bean names its {@code delegateExpression}s use: a team's weekly
 * check-ins and one-to-ones, their reminders, and their closing as "not recorded". Each reads its variables, calls
 * one service method and writes what the next gateway or timer reads.
 */
@Configuration(proxyBeanMethods = false)
class TeamSteps {

  // Check-ins

  /** On creating a Navigator's Task_RecordCheckIn: the team and its members, shown read-only. */
  @Bean
  TaskListener prepareCheckInListener(MentorshipService mentorship, TaskForms forms) {
    return task -> forms.show(task, mentorship.checkInContext(teamId(task), WEEK.from(task)));
  }

  /** On completing Task_RecordCheckIn: what the Navigator recorded. */
  @Bean
  TaskListener recordCheckInListener(MentorshipService mentorship, TaskForms forms) {
    return task -> mentorship.recordCheckIn(COHORT_ID.from(task), teamId(task), WEEK.from(task),
        task.getAssignee(), forms.bind(task, CheckInReport.class));
  }

  /** Task_RemindNavigator: the check-in is still open at the end of its week; the Navigator gets a reminder. */
  @Bean
  JavaDelegate remindNavigatorDelegate(MentorshipService mentorship) {
    return execution -> mentorship.remindNavigator(teamId(execution), WEEK.from(execution),
        Step.of(execution));
  }

  /** Task_CloseCheckIn: a week after its reminder the check-in is recorded as not recorded; organisers are told. */
  @Bean
  JavaDelegate closeCheckInDelegate(MentorshipService mentorship) {
    return execution -> mentorship.closeCheckIn(COHORT_ID.from(execution), teamId(execution),
        WEEK.from(execution), Step.of(execution));
  }

  // One-to-ones

  /** On creating a Captain's Task_HoldOneToOne: who the one-to-one is with. */
  @Bean
  TaskListener prepareOneToOneListener(MentorshipService mentorship, TaskForms forms) {
    return task -> forms.show(task, mentorship.oneToOneContext(DJANGONAUT_ID.from(task), WEEK.from(task)));
  }

  /** On completing Task_HoldOneToOne: whether it was held, and the Captain's notes. */
  @Bean
  TaskListener recordOneToOneListener(MentorshipService mentorship, TaskForms forms) {
    return task -> mentorship.recordOneToOne(COHORT_ID.from(task), DJANGONAUT_ID.from(task), WEEK.from(task),
        task.getAssignee(), forms.bind(task, OneToOneReport.class));
  }

  /** Task_RemindCaptains: one-to-ones still open at the end of their week; their Captains get a reminder. */
  @Bean
  JavaDelegate remindCaptainsDelegate(MentorshipService mentorship) {
    return execution -> mentorship.remindCaptains(teamId(execution), WEEK.from(execution),
        Step.of(execution));
  }

  /** Task_CloseOneToOnes: a week after the reminder, the open one-to-ones are recorded as not recorded. */
  @Bean
  JavaDelegate closeOneToOnesDelegate(MentorshipService mentorship) {
    return execution -> mentorship.closeOneToOnes(COHORT_ID.from(execution), teamId(execution),
        WEEK.from(execution), Step.of(execution));
  }

  // A Navigator or Captain steps down

  /** On creating Task_ReplaceVolunteer: who steps down, who fits in their place and why the others do not. */
  @Bean
  TaskListener prepareReplacementListener(VolunteerReplacements replacements, TaskForms forms) {
    return task -> forms.show(task, replacements.replacementContext(STEP_DOWN_ID.from(task)));
  }

  /**
   * On completing Task_ReplaceVolunteer: the chosen volunteer takes the leaver's place in the team (refused, with the
   * reasons, if they do not fit), and every open task of the leaver in this team's process (check-ins, one-to-ones)
   * is assigned to them; reminders and escalations read the team, so they follow.
   */
  @Bean
  TaskListener replaceVolunteerListener(VolunteerReplacements replacements, TaskForms forms,
      TaskService taskService) {
    return task -> {
      VolunteerReplacements.Replacement replacement = replacements.replace(STEP_DOWN_ID.from(task),
          forms.bind(task, ReplacementChoice.class));
      if (replacement.leavingUserId() == null) {
        return;
      }
      taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId())
          .taskAssignee(replacement.leavingUserId()).list()
          .forEach(open -> taskService.setAssignee(open.getId(), replacement.replacementUserId()));
    };
  }

  /** Task_AnnounceReplacement: the new Navigator or Captain and the team are told. */
  @Bean
  JavaDelegate announceReplacementDelegate(VolunteerReplacements replacements) {
    return execution -> replacements.announce(STEP_DOWN_ID.from(execution), Step.of(execution));
  }

  // A Djangonaut withdrew (EventSubProcess_DjangonautWithdrew)

  /**
   * Task_StopOneToOnesAboutDjangonaut, in the withdrawing transaction: the open one-to-ones about the Djangonaut who
   * left are closed (their Captain has nothing to record; {@link MentorshipService#recordOneToOne} records nothing for
   * a Djangonaut who left), so that no reminder or "not recorded" follows; later weeks no longer list them. The id is
   * kept on the event subprocess's own scope for Task_TellTeamOfWithdrawal.
   */
  @Bean
  JavaDelegate stopOneToOnesAboutDjangonautDelegate(TaskService taskService) {
    return execution -> {
      long djangonautId = WITHDRAWN_DJANGONAUT_ID.from(execution);
      execution.setVariableLocal(WITHDRAWN_DJANGONAUT_ID.name(), djangonautId);
      taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
          .taskDefinitionKey(TASK_HOLD_ONE_TO_ONE).list().stream()
          .filter(task -> Long.valueOf(djangonautId).equals(taskService.getVariable(task.getId(),
              DJANGONAUT_ID.name())))
          .forEach(task -> taskService.complete(task.getId(), Map.of(FIELD_ONE_TO_ONE_HELD, false)));
    };
  }

  /** Task_TellTeamOfWithdrawal: the Djangonaut's Navigator and Captain hear that they left (not named if erased). */
  @Bean
  JavaDelegate tellTeamOfWithdrawalDelegate(MentorshipService mentorship) {
    return execution -> mentorship.tellTeamOfWithdrawal(teamId(execution), WITHDRAWN_DJANGONAUT_ID.from(execution),
        Step.of(execution));
  }

  // The mid-point check

  /** Task_SendMidpointCheck: halfway through, each member of the team gets a personal link to the pulse. */
  @Bean
  JavaDelegate sendMidpointCheckDelegate(MidpointService midpoint) {
    return execution -> midpoint.open(teamId(execution), Step.of(execution));
  }

  /** Task_CloseMidpointCheck: a week later, the links close. */
  @Bean
  JavaDelegate closeMidpointCheckDelegate(MidpointService midpoint) {
    return execution -> midpoint.close(teamId(execution));
  }

  /** On creating Task_FollowUpConcern: who answered what, and the team around them, shown read-only. */
  @Bean
  TaskListener prepareConcernListener(MidpointService midpoint, TaskForms forms) {
    return task -> forms.show(task, midpoint.concern(MIDPOINT_CHECK_ID.from(task)));
  }

  /** On completing Task_FollowUpConcern: what the organiser did is kept with the answer. */
  @Bean
  TaskListener recordFollowUpListener(MidpointService midpoint, TaskForms forms) {
    return task -> midpoint.followUp(MIDPOINT_CHECK_ID.from(task),
        forms.bind(task, ConcernFollowUp.class));
  }
}
