package space.djangonaut.missioncontrol.process.cohort;

import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.ALL_REVIEWED;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.APPLICATIONS_CLOSE_AT;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.APPLICATION_ID;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.COHORT_ID;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.PLACE_REOFFERED;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.TEAMS_FORM_AT;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import space.djangonaut.missioncontrol.application.SelectionChanges;
import space.djangonaut.missioncontrol.application.SelectionService;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortForm;
import space.djangonaut.missioncontrol.cohort.CohortLifecycle;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.process.TaskForms;
import space.djangonaut.missioncontrol.survey.SurveyService;
import space.djangonaut.missioncontrol.team.TeamAdjustmentRequest;
import space.djangonaut.missioncontrol.team.TeamAdjustments;
import space.djangonaut.missioncontrol.team.TeamPlanText;
import space.djangonaut.missioncontrol.team.TeamService;
import space.djangonaut.missioncontrol.team.TeamWelcome;

/**
 * The steps of {@code bpmn/cohort.bpmn}, under the bean names its {@code delegateExpression}s use: the application
 * window and selection, teams, the survey (the weeks of mentorship are each team's own {@code team.bpmn}). Each
 * reads its variables, calls one service method and writes what the next gateway or timer reads.
 */
@Configuration(proxyBeanMethods = false)
class CohortSteps {

  // Application window and selection

  /**
   * Task_CreateCohort: the cohort from the start form; the timers read its dates (UTC instants) and the business
   * key becomes its slug.
   */
  @Bean
  JavaDelegate createCohortDelegate(CohortLifecycle lifecycle, TaskForms forms) {
    return execution -> {
      Cohort cohort = lifecycle.create(forms.bind(execution.getVariables(), CohortForm.class));
      COHORT_ID.on(execution, cohort.getId());
      APPLICATIONS_CLOSE_AT.on(execution, Date.from(cohort.applicationsCloseAt()));
      TEAMS_FORM_AT.on(execution, Date.from(cohort.teamsFormAt()));
      execution.setProcessBusinessKey(cohort.getSlug());
    };
  }

  /** Task_CloseApplications: the public form stops taking applications. */
  @Bean
  JavaDelegate closeApplicationsDelegate(CohortLifecycle lifecycle) {
    return execution -> lifecycle.closeApplications(COHORT_ID.from(execution));
  }

  /**
   * Task_CheckReviews: whether any application is still in review; the process then waits for the message of its
   * last review (or an organiser's request), not for a timer.
   */
  @Bean
  JavaDelegate checkReviewsDelegate(SelectionService selection) {
    return execution -> ALL_REVIEWED.on(execution, selection.reviewsPending(COHORT_ID.from(execution)) == 0);
  }

  /** Task_RankApplications: ranks the reviewed applications; those still in review are left out. */
  @Bean
  JavaDelegate rankApplicationsDelegate(SelectionService selection) {
    return execution -> selection.rank(COHORT_ID.from(execution));
  }

  /** On creating Task_FinaliseSelection: a summary of the proposal; the ranking itself is on the selection page. */
  @Bean
  TaskListener prepareSelectionTaskListener(SelectionService selection, TaskForms forms) {
    return task -> forms.show(task, selection.summary(COHORT_ID.from(task)));
  }

  /** On completing Task_FinaliseSelection: the proposal with the organiser's changes, or a refusal with the reason. */
  @Bean
  TaskListener finaliseSelectionListener(SelectionService selection, TaskForms forms) {
    return task -> selection.finalise(COHORT_ID.from(task), forms.bind(task.getVariables(), SelectionChanges.class));
  }

  /** Task_SendSelectionDecisions, once per decided application and in its own job: tells its process the outcome. */
  @Bean
  JavaDelegate sendSelectionDecisionDelegate(SelectionService selection) {
    return execution -> selection.sendDecision(APPLICATION_ID.from(execution));
  }

  /** Task_OfferPlaceToWaitlist: a freed place goes to the best-ranked waitlisted applicant, if any. */
  @Bean
  JavaDelegate offerPlaceToWaitlistDelegate(SelectionService selection) {
    return execution -> PLACE_REOFFERED.on(execution, selection.offerToNextWaitlisted(COHORT_ID.from(execution)));
  }

  /** Task_CloseWaitlist: the teams are formed (week 0); a kind email to those still on the waitlist. */
  @Bean
  JavaDelegate closeWaitlistDelegate(SelectionService selection) {
    return execution -> selection.closeWaitlist(COHORT_ID.from(execution));
  }

  // Teams

  /** Task_FormTeams: teams from the confirmed Djangonauts and approved volunteers; an organiser confirms them. */
  @Bean
  JavaDelegate formTeamsDelegate(TeamService teams) {
    return execution -> teams.formTeams(COHORT_ID.from(execution));
  }

  /** On creating Task_ConfirmTeams: the proposed teams and what could not be satisfied, shown read-only. */
  @Bean
  TaskListener prepareTeamsTaskListener(TeamPlanText plans, TaskForms forms) {
    return task -> forms.show(task, plans.forOrganiser(COHORT_ID.from(task)));
  }

  /** On completing Task_ConfirmTeams: the organiser's adjustments applied, or refused with the reason. */
  @Bean
  TaskListener confirmTeamsListener(TeamAdjustments adjustments, TaskForms forms) {
    return task -> adjustments.apply(COHORT_ID.from(task),
        forms.bind(task.getVariables(), TeamAdjustmentRequest.class));
  }

  /** Task_SendTeamWelcome: each team meets its Navigator and Captains, with the week-0 preparation. */
  @Bean
  JavaDelegate sendTeamWelcomeDelegate(TeamWelcome welcome) {
    return execution -> welcome.send(COHORT_ID.from(execution), Step.of(execution));
  }

  // Feedback survey

  /** Task_OpenSurvey: invites every Djangonaut, Navigator and Captain of the cohort. */
  @Bean
  JavaDelegate openSurveyDelegate(SurveyService surveys) {
    return execution -> surveys.open(COHORT_ID.from(execution), Step.of(execution));
  }

  /** Task_SendSurveyReminder: seven days on, reminds those who have not answered. */
  @Bean
  JavaDelegate sendSurveyReminderDelegate(SurveyService surveys) {
    return execution -> surveys.remind(COHORT_ID.from(execution), Step.of(execution));
  }

  /** Task_CloseSurvey: fourteen days on, the survey closes. */
  @Bean
  JavaDelegate closeSurveyDelegate(SurveyService surveys) {
    return execution -> surveys.close(COHORT_ID.from(execution));
  }
}
