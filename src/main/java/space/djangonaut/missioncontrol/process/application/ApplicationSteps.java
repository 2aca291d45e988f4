package space.djangonaut.missioncontrol.process.application;

import static space.djangonaut.missioncontrol.process.TaskForms.DRAWN_IN_ZONE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.OFFER_DEADLINE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.OFFER_REMINDER_AT;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.REVIEWERS_DISAGREE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TASK_RESOLVE_DISAGREEMENT;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.TEMPLATE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.applicationId;

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
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.process.TaskForms;
import space.djangonaut.missioncontrol.team.TeamAdjustments;
import space.djangonaut.missioncontrol.team.TeamPlacement;
import space.djangonaut.missioncontrol.team.TeamWelcome;

/**
 * The steps of {@code bpmn/application.bpmn}, under the bean names its {@code delegateExpression}s use. Each reads
 * its variables, calls one service method and writes what the next gateway or timer reads. The application they act
 * on is the process's business key ({@link ApplicationProcess#applicationId}), which no reviewer can change.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationSteps {

  /** The length of the engine's task name column. */
  private static final int MAX_TASK_NAME = 255;

  /** Task_SendAcknowledgement and the other email tasks: the email named by the task's input {@code template}. */
  @Bean
  JavaDelegate sendApplicationEmailDelegate(ApplicationEmails emails) {
    return execution -> emails.send(applicationId(execution),
        MailTemplate.valueOf(TEMPLATE.from(execution)), Step.of(execution));
  }

  /**
   * On creating a review task (or the tie-break): the applicant's answers, shown read-only by the review form, and
   * a task name after the applicant and cohort, so that a reviewer finds it in Tasklist. The tie-break shows the two
   * reviews it settles as well; a review is offered to the cohort's reviewers ({@link ReviewCandidates}). The
   * process itself holds only the application id. The availability is drawn for the assignee, usually nobody yet
   * (the fallback zone): {@link #showReviewToAssigneeListener} draws it again for whoever claims the task.
   */
  @Bean
  TaskListener prepareReviewTaskListener(ReviewService reviews, TaskForms forms, ReviewCandidates candidates,
      DisplayZone zones) {
    return task -> {
      ApplicantAnswers answers = reviews.answersForReviewer(applicationId(task), task.getAssignee());
      forms.show(task, answers);
      task.setVariableLocal(DRAWN_IN_ZONE, zones.of(task.getAssignee()).getId());
      boolean tieBreak = TASK_RESOLVE_DISAGREEMENT.equals(task.getTaskDefinitionKey());
      if (tieBreak) {
        forms.show(task, reviews.earlierReviews(applicationId(task)));
      } else {
        candidates.offerNew(task);
      }
      String kind = tieBreak ? "Third review" : "Review";
      String name = kind + ": " + answers.applicantName() + " – " + answers.cohortName();
      task.setName(name.length() > MAX_TASK_NAME ? name.substring(0, MAX_TASK_NAME - 1) + "…" : name);
    };
  }

  /**
   * On assigning a review task: the reviews of an application must come from different people; the other review,
   * unclaimed, is then offered to everyone else who may still review the application ({@link ReviewCandidates}).
   */
  @Bean
  TaskListener guardReviewerListener(ReviewService reviews, ReviewCandidates candidates) {
    // A reviewer claiming in Tasklist may not see the other review task: look at it as the engine does.
    return task -> Context.getCommandContext().runWithoutAuthorization(() -> {
      reviews.ensureReviewerIsIndependent(applicationId(task), task.getProcessInstanceId(), task.getId(),
          task.getAssignee());
      if (!TASK_RESOLVE_DISAGREEMENT.equals(task.getTaskDefinitionKey())) {
        candidates.offerOpen(task.getProcessInstanceId(), applicationId(task));
      }
      return null;
    });
  }

  /**
   * On assigning a review task (or the tie-break), after {@link #guardReviewerListener} let the reviewer have it, and
   * when its assignee chooses another zone ({@code process/FormsInAssigneeZone}): the applicant's answers drawn again
   * for the new assignee, their availability in the reviewer's own zone with UTC alongside (issue 12). A task handed
   * back (no assignee) shows the fallback zone. A form already drawn in the assignee's zone (most claims: most
   * reviewers read in the fallback zone) is left as it is: no work, and no second copy of the answers in history.
   */
  @Bean
  TaskListener showReviewToAssigneeListener(ReviewService reviews, TaskForms forms, DisplayZone zones) {
    return task -> {
      String zone = zones.of(task.getAssignee()).getId();
      if (zone.equals(task.getVariableLocal(DRAWN_IN_ZONE))) {
        return;
      }
      forms.show(task, reviews.answersForReviewer(applicationId(task), task.getAssignee()));
      task.setVariableLocal(DRAWN_IN_ZONE, zone);
    };
  }

  /** On completing a review task (or the tie-break): the checked scores become the application's review. */
  @Bean
  TaskListener recordReviewListener(ReviewService reviews, TaskForms forms) {
    return task -> reviews.record(applicationId(task), task.getAssignee(),
        forms.bind(task, ReviewScores.class),
        TASK_RESOLVE_DISAGREEMENT.equals(task.getTaskDefinitionKey()));
  }

  /** Task_AggregateScores: the mean score on the application; the gateway asks whether reviewers disagree. */
  @Bean
  JavaDelegate aggregateScoresDelegate(ReviewService reviews) {
    return execution -> REVIEWERS_DISAGREE.on(execution, reviews.aggregate(applicationId(execution)));
  }

  /**
   * Event_ReviewsComplete: the application's reviews are in; its cohort's process, if it waits for the last reviews,
   * counts again.
   */
  @Bean
  JavaDelegate tellCohortReviewedDelegate(SelectionService selection) {
    return execution -> selection.reviewCompleted(applicationId(execution));
  }

  /** Task_SendOffer: the personal link to accept or decline; the timers read the deadline and reminder dates. */
  @Bean
  JavaDelegate sendOfferDelegate(OfferService offers) {
    return execution -> {
      OfferService.OfferTimes times = offers.offer(applicationId(execution), Step.of(execution));
      OFFER_DEADLINE.on(execution, Date.from(times.deadline()));
      OFFER_REMINDER_AT.on(execution, Date.from(times.reminderAt()));
    };
  }

  /** Task_SendOfferReminder: two days before the deadline, a fresh link to the same offer. */
  @Bean
  JavaDelegate sendOfferReminderDelegate(OfferService offers) {
    return execution -> offers.remind(applicationId(execution), Step.of(execution));
  }

  /** Task_ConfirmPlace: the applicant accepted; a Djangonaut of the cohort. */
  @Bean
  JavaDelegate confirmPlaceDelegate(OfferService offers) {
    return execution -> offers.confirm(applicationId(execution));
  }

  /**
   * On creating Task_PlaceInTeam, on assigning it, and when its assignee chooses another zone
   * ({@code process/FormsInAssigneeZone}): the Djangonaut and the cohort's teams, shown read-only, the availability
   * in the assignee's zone with UTC alongside (the fallback zone while nobody holds it).
   */
  @Bean
  TaskListener preparePlacementListener(TeamAdjustments adjustments, TaskForms forms) {
    return task -> forms.show(task, adjustments.placementContext(applicationId(task), task.getAssignee()));
  }

  /** On completing Task_PlaceInTeam: the Djangonaut joins the team the organiser chose, or the choice is refused. */
  @Bean
  TaskListener placeInTeamListener(TeamAdjustments adjustments, TaskForms forms) {
    return task -> adjustments.place(applicationId(task), forms.bind(task, TeamPlacement.class));
  }

  /** Task_WelcomeToTeam: the team's welcome to the late Djangonaut, their Navigator and their Captain. */
  @Bean
  JavaDelegate welcomeToTeamDelegate(TeamWelcome welcome) {
    return execution -> welcome.welcomeLateMember(applicationId(execution), Step.of(execution));
  }

  /** Task_RecordDecline: the applicant declined; the place goes back to the cohort. */
  @Bean
  JavaDelegate recordDeclineDelegate(OfferService offers) {
    return execution -> offers.decline(applicationId(execution));
  }

  /** Task_ExpireOffer: the deadline passed unanswered; the place goes back to the cohort. */
  @Bean
  JavaDelegate expireOfferDelegate(OfferService offers) {
    return execution -> offers.expire(applicationId(execution));
  }
}
