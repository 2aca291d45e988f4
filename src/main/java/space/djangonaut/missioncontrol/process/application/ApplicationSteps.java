package space.djangonaut.missioncontrol.process.application;

import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.APPLICATION_ID;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.OFFER_DEADLINE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.OFFER_REMINDER_AT;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.REVIEWERS_DISAGREE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_RESOLVE_DISAGREEMENT;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TEMPLATE;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import space.djangonaut.missioncontrol.application.ApplicantAnswers;
import space.djangonaut.missioncontrol.application.ApplicationEmails;
import space.djangonaut.missioncontrol.application.OfferService;
import space.djangonaut.missioncontrol.application.ReviewScores;
import space.djangonaut.missioncontrol.application.ReviewService;
import space.djangonaut.missioncontrol.application.SelectionService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.process.TaskForms;
import space.djangonaut.missioncontrol.team.TeamAdjustments;
import space.djangonaut.missioncontrol.team.TeamPlacement;
import space.djangonaut.missioncontrol.team.TeamWelcome;

/**
 * The steps of {@code bpmn/application.bpmn}, under the bean names its {@code delegateExpression}s use. Each reads
 * its variables, calls one service method and writes what the next gateway or timer reads.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSteps {

  /** The length of the engine's task name column. */
  private static final int MAX_TASK_NAME = 255;

  /** Task_SendAcknowledgement and the other email tasks: the email named by the task's input {@code template}. */
  @Bean
  JavaDelegate sendApplicationEmailDelegate(ApplicationEmails emails) {
    return execution -> emails.send(APPLICATION_ID.from(execution),
        MailTemplate.valueOf(TEMPLATE.from(execution)), Step.of(execution));
  }

  /**
   * On creating a review task (or the tie-break): the applicant's answers, shown read-only by the review form, and
   * a task name after the applicant and cohort, so that a reviewer finds it in Tasklist. The process itself holds
   * only the application id.
   */
  @Bean
  TaskListener prepareReviewTaskListener(ReviewService reviews, TaskForms forms) {
    return task -> {
      ApplicantAnswers answers = reviews.answersForReviewer(APPLICATION_ID.from(task));
      forms.show(task, answers);
      String kind = TASK_RESOLVE_DISAGREEMENT.equals(task.getTaskDefinitionKey()) ? "Third review" : "Review";
      String name = kind + ": " + answers.applicantName() + " – " + answers.cohortName();
      task.setName(name.length() > MAX_TASK_NAME ? name.substring(0, MAX_TASK_NAME - 1) + "…" : name);
    };
  }

  /** On assigning a review task: the reviews of an application must come from different people. */
  @Bean
  TaskListener guardReviewerListener(ReviewService reviews) {
    // A reviewer claiming in Tasklist may not see the other review task: look at it as the engine does.
    return task -> Context.getCommandContext().runWithoutAuthorization(() -> {
      reviews.ensureReviewerIsIndependent(APPLICATION_ID.from(task), task.getProcessInstanceId(), task.getId(),
          task.getAssignee());
      return null;
    });
  }

  /** On completing a review task (or the tie-break): the checked scores become the application's review. */
  @Bean
  TaskListener recordReviewListener(ReviewService reviews, TaskForms forms) {
    return task -> reviews.record(APPLICATION_ID.from(task), task.getAssignee(),
        forms.bind(task.getVariables(), ReviewScores.class),
        TASK_RESOLVE_DISAGREEMENT.equals(task.getTaskDefinitionKey()));
  }

  /** Task_AggregateScores: the mean score on the application; the gateway asks whether reviewers disagree. */
  @Bean
  JavaDelegate aggregateScoresDelegate(ReviewService reviews) {
    return execution -> REVIEWERS_DISAGREE.on(execution, reviews.aggregate(APPLICATION_ID.from(execution)));
  }

  /**
   * Event_ReviewsComplete: the application's reviews are in; its cohort's process, if it waits for the last reviews,
   * counts again.
   */
  @Bean
  JavaDelegate tellCohortReviewedDelegate(SelectionService selection) {
    return execution -> selection.reviewCompleted(APPLICATION_ID.from(execution));
  }

  /** Task_SendOffer: the personal link to accept or decline; the timers read the deadline and reminder dates. */
  @Bean
  JavaDelegate sendOfferDelegate(OfferService offers) {
    return execution -> {
      OfferService.OfferTimes times = offers.offer(APPLICATION_ID.from(execution), Step.of(execution));
      OFFER_DEADLINE.on(execution, Date.from(times.deadline()));
      OFFER_REMINDER_AT.on(execution, Date.from(times.reminderAt()));
    };
  }

  /** Task_SendOfferReminder: two days before the deadline, a fresh link to the same offer. */
  @Bean
  JavaDelegate sendOfferReminderDelegate(OfferService offers) {
    return execution -> offers.remind(APPLICATION_ID.from(execution), Step.of(execution));
  }

  /** Task_ConfirmPlace: the applicant accepted; a Djangonaut of the cohort. */
  @Bean
  JavaDelegate confirmPlaceDelegate(OfferService offers) {
    return execution -> offers.confirm(APPLICATION_ID.from(execution));
  }

  /** On creating Task_PlaceInTeam: the Djangonaut and the cohort's teams, shown read-only. */
  @Bean
  TaskListener preparePlacementListener(TeamAdjustments adjustments, TaskForms forms) {
    return task -> forms.show(task, adjustments.placementContext(APPLICATION_ID.from(task)));
  }

  /** On completing Task_PlaceInTeam: the Djangonaut joins the team the organiser chose, or the choice is refused. */
  @Bean
  TaskListener placeInTeamListener(TeamAdjustments adjustments, TaskForms forms) {
    return task -> adjustments.place(APPLICATION_ID.from(task), forms.bind(task.getVariables(), TeamPlacement.class));
  }

  /** Task_WelcomeToTeam: the team's welcome to the late Djangonaut, their Navigator and their Captain. */
  @Bean
  JavaDelegate welcomeToTeamDelegate(TeamWelcome welcome) {
    return execution -> welcome.welcomeLateMember(APPLICATION_ID.from(execution), Step.of(execution));
  }

  /** Task_RecordDecline: the applicant declined; the place goes back to the cohort. */
  @Bean
  JavaDelegate recordDeclineDelegate(OfferService offers) {
    return execution -> offers.decline(APPLICATION_ID.from(execution));
  }

  /** Task_ExpireOffer: the deadline passed unanswered; the place goes back to the cohort. */
  @Bean
  JavaDelegate expireOfferDelegate(OfferService offers) {
    return execution -> offers.expire(APPLICATION_ID.from(execution));
  }
}
