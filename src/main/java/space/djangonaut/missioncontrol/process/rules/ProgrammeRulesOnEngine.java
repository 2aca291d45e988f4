package space.djangonaut.missioncontrol.process.rules;

import static space.djangonaut.missioncontrol.process.rules.ProgrammeDecision.NO_TIE_BREAK;
import static space.djangonaut.missioncontrol.process.rules.ProgrammeDecision.REVIEW_DISAGREEMENT;
import static space.djangonaut.missioncontrol.process.rules.ProgrammeDecision.SELECTION_PROPOSAL;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.application.Outcome;
import space.djangonaut.missioncontrol.application.ProgrammeRules;
import space.djangonaut.missioncontrol.application.Recommendation;
import space.djangonaut.missioncontrol.application.RuleDecision;

/**
 * The programme rules as the decision tables of {@code bpmn/}, evaluated through Camunda's {@link DecisionService}
 * with the latest deployed version of each (a table an organiser deploys from the Modeler counts from the next
 * evaluation on). Every evaluation is kept in Camunda's history ({@code HistoricDecisionInstance}, with its inputs,
 * its output and the id of the rule that matched; Cockpit shows them under Decisions).
 *
 * <p>Why the {@link DecisionService} rather than a business rule task: the selection proposal belongs to no single
 * process instance (the cohort's Task_RankApplications proposes for every ranked application, up to 10,000, in one
 * step), and the disagreement rule is one input of the review aggregation step, which records the application's
 * status and the rule in the same transaction from reviews that live in the database, not in process variables.
 */
@Component
class ProgrammeRulesOnEngine implements ProgrammeRules {

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final MatchedRules matchedRules;

  ProgrammeRulesOnEngine(DecisionService decisionService, RepositoryService repositoryService,
      MatchedRules matchedRules) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.matchedRules = matchedRules;
  }

  @Override
  public RuleDecision<Boolean> reviewsDisagree(Recommendation first, Recommendation second, int scoreGap) {
    Map<String, Object> variables = variables(REVIEW_DISAGREEMENT, first.value(), second.value(), scoreGap);
    RuleDecision<Object> decided = evaluate(REVIEW_DISAGREEMENT, latest(REVIEW_DISAGREEMENT), variables);
    if (!(decided.value() instanceof Boolean thirdReview)) {
      throw new ProcessEngineException(REVIEW_DISAGREEMENT.key() + ", " + decided.ruleId() + ": "
          + REVIEW_DISAGREEMENT.output() + " is " + decided.value() + ", not true or false.");
    }
    return new RuleDecision<>(thirdReview, decided.decision(), decided.ruleId(), decided.rule());
  }

  @Override
  public Proposer proposer() {
    String definitionId = latest(SELECTION_PROPOSAL);
    return (placeInLine, places, score, first, second, tieBreak, previouslyWaitlisted) -> {
      Map<String, Object> variables = variables(SELECTION_PROPOSAL, placeInLine, places, score.doubleValue(),
          valueOf(first), valueOf(second), valueOf(tieBreak), previouslyWaitlisted);
      RuleDecision<Object> decided = evaluate(SELECTION_PROPOSAL, definitionId, variables);
      Outcome outcome;
      try {
        outcome = Outcome.parse(decided.value() instanceof String text ? text : null);
      } catch (IllegalArgumentException e) {
        throw new ProcessEngineException(SELECTION_PROPOSAL.key() + ", " + decided.ruleId() + ": "
            + SELECTION_PROPOSAL.output() + " is " + decided.value() + "; " + e.getMessage() + ".");
      }
      return new RuleDecision<>(outcome, decided.decision(), decided.ruleId(), decided.rule());
    };
  }

  /** A recommendation as the tables compare it; {@code "none"} for a review that is not there. */
  private static String valueOf(Recommendation recommendation) {
    return recommendation == null ? NO_TIE_BREAK : recommendation.value();
  }

  /** The id of the decision's latest deployed version. */
  private String latest(ProgrammeDecision decision) {
    List<DecisionDefinition> found = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decision.key()).withoutTenantId().latestVersion().list();
    if (found.isEmpty()) {
      throw new ProcessEngineException("No decision " + decision.key() + " is deployed (bpmn/" + decision.key()
          + ".dmn).");
    }
    return found.get(0).getId();
  }

  private RuleDecision<Object> evaluate(ProgrammeDecision decision, String definitionId,
      Map<String, Object> variables) {
    matchedRules.clear();
    DmnDecisionResult result;
    try {
      result = decisionService.evaluateDecisionById(definitionId).variables(variables).evaluate();
    } catch (RuntimeException e) {
      throw new ProcessEngineException("The decision table " + decision.key() + " (" + definitionId + ") cannot be "
          + "evaluated for " + new TreeMap<>(variables) + ": " + cause(e), e);
    }
    MatchedRules.Matched matched = matchedRules.matched(decision.key(), repositoryService);
    Object value = result.size() == 1 ? result.get(0).get(decision.output()) : null;
    return new RuleDecision<>(value, decision.key(), matched.ruleId(), matched.rule());
  }

  /** The deepest reason of a failed evaluation (the engine's own, e.g. DMN-03001 for rules overlapping under UNIQUE). */
  private static String cause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == e ? String.valueOf(e.getMessage()) : cause.getMessage() + " (" + e.getMessage() + ")";
  }

  /** The decision's variables, named in the order of {@link ProgrammeDecision#variables}. */
  private static Map<String, Object> variables(ProgrammeDecision decision, Object... values) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      variables.put(decision.variables().get(i), values[i]);
    }
    return variables;
  }
}
