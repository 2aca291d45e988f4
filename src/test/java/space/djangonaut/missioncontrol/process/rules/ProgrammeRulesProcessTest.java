package space.djangonaut.missioncontrol.process.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.Outcome;
import space.djangonaut.missioncontrol.application.SelectionService;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.cohort.CohortProcess;
import space.djangonaut.missioncontrol.support.CohortDriver;
import space.djangonaut.missioncontrol.support.IntegrationTest;
import space.djangonaut.missioncontrol.support.TestData;
import space.djangonaut.missioncontrol.support.WebClient;

/**
 * The programme rules of {@code bpmn/*.dmn} in a real cohort: the ranking and the review aggregation evaluate them on
 * the engine, Camunda's history keeps each evaluation with the rule that matched, and organisers read the rule where
 * they decide: the selection page, Task_FinaliseSelection and the tie-break's form.
 */
@IntegrationTest
class ProgrammeRulesProcessTest {

  @Autowired CohortDriver driver;
  @Autowired TestData testData;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ApplicationRepository applications;
  @Autowired SelectionService selection;
  @LocalServerPort int port;

  /**
   * Issue 11, fault 4: an applicant both reviewers rejected (7/20) was proposed "waitlisted" by rank. Two places
   * and one waitlisted: ranked third, they would be waitlisted; the rule rejects them and the fourth takes their
   * place on the waitlist.
   */
  @Test
  void shouldProposeRejectedWhenBothReviewersRecommendRejectAndShowTheRuleToTheOrganiser() {
    CohortDriver.Run run = driver.open(2);
    List<Application> applied = driver.apply(run, 4);
    Application best = applied.get(0);
    Application good = applied.get(1);
    Application rejectedByBoth = applied.get(2);
    Application last = applied.get(3);
    driver.review(best, 5);
    driver.review(good, 4);
    review(rejectedByBoth, List.of(2L, 2L, 2L, 1L), "reject", List.of(2L, 2L, 2L, 2L), "reject");
    review(last, List.of(1L, 1L, 1L, 1L), "maybe", List.of(1L, 1L, 1L, 1L), "maybe");
    Date beforeRanking = new Date(ClockUtil.getCurrentTime().getTime() - 1000);

    driver.closeEarly(run);

    Map<Long, Outcome> proposal = selection.proposal(run.cohortId());
    assertThat(proposal).containsEntry(best.getId(), Outcome.ACCEPTED).containsEntry(good.getId(), Outcome.ACCEPTED)
        .containsEntry(rejectedByBoth.getId(), Outcome.REJECTED).containsEntry(last.getId(), Outcome.WAITLISTED);
    Application decided = applications.findById(rejectedByBoth.getId()).orElseThrow();
    assertThat(decided.getRanking()).isEqualTo(3);
    assertThat(decided.getAggregateScore()).isEqualByComparingTo("7.50");
    assertThat(decided.getProposalRule()).startsWith("Both reviewers recommend reject")
        .endsWith("(Rule_BothReviewersReject of selection-proposal)");
    assertThat(applications.findById(last.getId()).orElseThrow().getProposalRule())
        .contains("Rule_OnTheWaitlist");

    String organiser = testData.organiser();
    WebClient.Response page = new WebClient(port).basicAuth(organiser, organiser)
        .get("/organiser/cohorts/" + run.cohort().getSlug() + "/selection");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("rule: Both reviewers recommend reject")
        .contains("Rule_BothReviewersReject of selection-proposal").contains("Rule_WithinThePlaces")
        .contains("Rule_OnTheWaitlist");

    Task finalise = taskService.createTaskQuery().processInstanceId(run.process().getId())
        .taskDefinitionKey(CohortProcess.TASK_FINALISE_SELECTION).singleResult();
    String summary = (String) taskService.getVariableLocal(finalise.getId(), "selectionSummary");
    assertThat(summary).contains("2 accepted, 1 waitlisted, 1 rejected")
        .contains("1 rejected by the rule: Both reviewers recommend reject")
        .contains("#" + rejectedByBoth.getId() + " ")
        .contains("(rank 3), rule: Both reviewers recommend reject");

    List<HistoricDecisionInstance> evaluations = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ProgrammeDecision.SELECTION_PROPOSAL.key()).evaluatedAfter(beforeRanking)
        .includeInputs().includeOutputs().list();
    HistoricDecisionInstance theirs = evaluations.stream()
        .filter(evaluation -> inputs(evaluation).get("Input_Score") instanceof Number score
            && score.doubleValue() == 7.5 && "reject".equals(inputs(evaluation).get("Input_FirstRecommendation")))
        .findFirst().orElseThrow(() -> new AssertionError("no evaluation of 7.5, reject: " + evaluations));
    assertThat(inputs(theirs)).containsEntry("Input_PlaceInLine", 3).containsEntry("Input_Places", 2)
        .containsEntry("Input_SecondRecommendation", "reject")
        .containsEntry("Input_TieBreakRecommendation", "none");
    assertThat(theirs.getOutputs()).singleElement().satisfies(output -> {
      assertThat(output.getRuleId()).isEqualTo("Rule_BothReviewersReject");
      assertThat(output.getVariableName()).isEqualTo("outcome");
      assertThat(output.getValue()).isEqualTo("rejected");
    });
  }

  @Test
  void shouldSayOnTheTieBreakWhichRuleAskedForIt() {
    CohortDriver.Run run = driver.open(2);
    Application application = driver.apply(run, 1).get(0);
    Date beforeReviews = new Date(ClockUtil.getCurrentTime().getTime() - 1000);

    driver.reviewInDisagreement(application);

    Task tieBreak = taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_RESOLVE_DISAGREEMENT).singleResult();
    assertThat(tieBreak).isNotNull();
    assertThat((String) taskService.getVariableLocal(tieBreak.getId(), "tieBreakRule"))
        .startsWith("One reviewer recommends accept, the other reject")
        .endsWith("(Rule_AcceptAgainstReject of review-disagreement)");
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey(ProgrammeDecision.REVIEW_DISAGREEMENT.key()).evaluatedAfter(beforeReviews)
        .includeInputs().includeOutputs().list().stream()
        .filter(candidate -> Integer.valueOf(16).equals(inputs(candidate).get("Input_ScoreGap")))
        .findFirst().orElseThrow();
    assertThat(evaluation.getOutputs()).singleElement()
        .satisfies(output -> assertThat(output.getRuleId()).isEqualTo("Rule_AcceptAgainstReject"));
  }

  /** Two reviews by two reviewers, each criterion scored as given. */
  private void review(Application application, List<Long> firstScores, String first, List<Long> secondScores,
      String second) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(application.getId().toString())
        .taskDefinitionKey(ApplicationProcess.TASK_REVIEW_APPLICATION).list();
    complete(tasks.get(0), firstScores, first);
    complete(tasks.get(1), secondScores, second);
  }

  private void complete(Task task, List<Long> scores, String recommendation) {
    taskService.claim(task.getId(), testData.reviewer());
    taskService.complete(task.getId(), Map.of("scoreMotivation", scores.get(0), "scoreExperience", scores.get(1),
        "scoreAvailability", scores.get(2), "scoreCommunity", scores.get(3), "recommendation", recommendation,
        "reviewComment", "Reviewed in a test"));
    testData.executeJobs(task.getProcessInstanceId());
  }

  /** The evaluation's inputs by the table's input column ids ({@code Input_Score}). */
  private static Map<String, Object> inputs(HistoricDecisionInstance evaluation) {
    return evaluation.getInputs().stream().collect(Collectors.toMap(HistoricDecisionInputInstance::getClauseId,
        HistoricDecisionInputInstance::getValue, (a, b) -> a));
  }
}
