package space.djangonaut.missioncontrol.process.cohort;

import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.ALL_REVIEWED;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.APPLICATIONS_CLOSE_AT;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.APPLICATION_ID;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.COHORT_ID;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.DECISION_BATCH;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.PLACE_REOFFERED;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.TEAMS_FORM_AT;
import static space.djangonaut.missioncontrol.process.cohort.CohortProcess.TEAM_RULES_CONFIRMED_ANYWAY;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * reads its variables, calls one service method and writes what the next gateway or timer reads. The cohort they
 * act on is found by the process's business key ({@link CohortOfProcess}), which no Navigator or Captain can change.
 */
@Configuration(proxyBeanMethods = false)
class CohortSteps {

  private static final Logger LOG = LoggerFactory.getLogger(CohortSteps.class);

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
  JavaDelegate closeApplicationsDelegate(CohortLifecycle lifecycle, CohortOfProcess cohort) {
    return execution -> lifecycle.closeApplications(cohort.id(execution));
  }

  /**
   * Task_CheckReviews: whether any application is still in review; the process then waits for the message of its
   * last review (or an organiser's request), not for a timer.
   */
  @Bean
  JavaDelegate checkReviewsDelegate(SelectionService selection, CohortOfProcess cohort) {
    return execution -> ALL_REVIEWED.on(execution, selection.reviewsPending(cohort.id(execution)) == 0);
  }

  /** Task_RankApplications: ranks the reviewed applications; those still in review are left out. */
  @Bean
  JavaDelegate rankApplicationsDelegate(SelectionService selection, CohortOfProcess cohort) {
    return execution -> selection.rank(cohort.id(execution));
  }

  /** On creating Task_FinaliseSelection: a summary of the proposal; the ranking itself is on the selection page. */
  @Bean
  TaskListener prepareSelectionTaskListener(SelectionService selection, TaskForms forms, CohortOfProcess cohort) {
    return task -> forms.show(task, selection.summary(cohort.id(task)));
  }

  /** On completing Task_FinaliseSelection: the proposal with the organiser's changes, or a refusal with the reason. */
  @Bean
  TaskListener finaliseSelectionListener(SelectionService selection, TaskForms forms, CohortOfProcess cohort) {
    return task -> selection.finalise(cohort.id(task), forms.bind(task, SelectionChanges.class));
  }

  /**
   * Task_SendDecisionsInBatches: the decided applications among a hundred places of the ranking are told, each in a
   * transaction of its own nested in the hundred's job (the engine's requires-new command executor), so that one
   * whose telling fails (its email, say) rolls back alone: it stays undecided, and Task_SendSelectionDecisions tells
   * it in a job of its own, with its own incident; everyone else in the hundred is told.
   */
  @Bean
  JavaDelegate sendSelectionDecisionBatchDelegate(SelectionService selection, CohortOfProcess cohort,
      ProcessEngineConfigurationImpl engine) {
    return execution -> {
      for (long applicationId : selection.decisionBatch(cohort.id(execution), DECISION_BATCH.from(execution))) {
        try {
          engine.getCommandExecutorTxRequiresNew().execute(context -> selection.tellIfWaiting(applicationId));
        } catch (RuntimeException e) {
          LOG.warn("Application {} could not be told in its hundred; a job of its own will tell it: {}",
              applicationId, e.getMessage());
        }
      }
    };
  }

  /** Task_SendSelectionDecisions, once per decided application and in its own job: tells its process the outcome. */
  @Bean
  JavaDelegate sendSelectionDecisionDelegate(SelectionService selection) {
    return execution -> selection.sendDecision(APPLICATION_ID.from(execution));
  }

  /** Task_OfferPlaceToWaitlist: a freed place goes to the best-ranked waitlisted applicant, if any. */
  @Bean
  JavaDelegate offerPlaceToWaitlistDelegate(SelectionService selection, CohortOfProcess cohort) {
    return execution -> PLACE_REOFFERED.on(execution, selection.offerToNextWaitlisted(cohort.id(execution)));
  }

  /** Task_CloseWaitlist: the teams are formed (week 0); a kind email to those still on the waitlist. */
  @Bean
  JavaDelegate closeWaitlistDelegate(SelectionService selection, CohortOfProcess cohort) {
    return execution -> selection.closeWaitlist(cohort.id(execution));
  }

  // Teams

  /** Task_FormTeams: teams from the confirmed Djangonauts and approved volunteers; an organiser confirms them. */
  @Bean
  JavaDelegate formTeamsDelegate(TeamService teams, CohortOfProcess cohort) {
    return execution -> teams.formTeams(cohort.id(execution));
  }

  /** On creating Task_ConfirmTeams: the proposed teams and what could not be satisfied, shown read-only. */
  @Bean
  TaskListener prepareTeamsTaskListener(TeamPlanText plans, TaskForms forms, CohortOfProcess cohort) {
    return task -> forms.show(task, plans.forOrganiser(cohort.id(task)));
  }

  /**
   * On completing Task_ConfirmTeams: the organiser's adjustments applied and every rule checked again, or refused
   * with the reason; the rules unmet that the organiser chose to confirm anyway are recorded on the process.
   */
  @Bean
  TaskListener confirmTeamsListener(TeamAdjustments adjustments, TaskForms forms, CohortOfProcess cohort) {
    return task -> {
      List<String> anyway = adjustments.apply(cohort.id(task),
          forms.bind(task, TeamAdjustmentRequest.class));
      // The task's own variable (an input parameter), which its output parameter hands to the process.
      TEAM_RULES_CONFIRMED_ANYWAY.on(task.getExecution(),
          anyway.isEmpty() ? null : TeamPlanText.fit(String.join("\n", anyway) + "\n"));
    };
  }

  /** Task_SendTeamWelcome: each team meets its Navigator and Captains, with the week-0 preparation. */
  @Bean
  JavaDelegate sendTeamWelcomeDelegate(TeamWelcome welcome, CohortOfProcess cohort) {
    return execution -> welcome.send(cohort.id(execution), Step.of(execution));
  }

  // Feedback survey

  /** Task_OpenSurvey: invites every Djangonaut, Navigator and Captain of the cohort. */
  @Bean
  JavaDelegate openSurveyDelegate(SurveyService surveys, CohortOfProcess cohort) {
    return execution -> surveys.open(cohort.id(execution), Step.of(execution));
  }

  /** Task_SendSurveyReminder: seven days on, reminds those who have not answered. */
  @Bean
  JavaDelegate sendSurveyReminderDelegate(SurveyService surveys, CohortOfProcess cohort) {
    return execution -> surveys.remind(cohort.id(execution), Step.of(execution));
  }

  /** Task_CloseSurvey: fourteen days on, the survey closes. */
  @Bean
  JavaDelegate closeSurveyDelegate(SurveyService surveys, CohortOfProcess cohort) {
    return execution -> surveys.close(cohort.id(execution));
  }

  // Impact report

  /** Task_ShowReportPublicly: the report an organiser approved gets its public page. */
  @Bean
  JavaDelegate showReportPubliclyDelegate(CohortLifecycle lifecycle, CohortOfProcess cohort) {
    return execution -> lifecycle.publishReport(cohort.id(execution));
  }
}
