package space.djangonaut.missioncontrol.process.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The decision tables of {@code bpmn/*.dmn}, read from where the organisers edit them and evaluated by Camunda's DMN
 * engine with the FEEL engine the process engine uses: a rule test sees what an organiser's table decides, without
 * Spring or a database. Remembers which rules of each table the tests have hit, so that a test class can check
 * every rule is covered.
 */
public final class DecisionTables {

  private static final Path DIAGRAMS = Path.of("bpmn");
  private static final ThreadLocal<DmnDecisionTableEvaluationEvent> LAST = new ThreadLocal<>();
  private static final DmnEngine ENGINE;
  private static final Map<String, DmnDecision> DECISIONS = new ConcurrentHashMap<>();
  private static final Map<String, Set<String>> HIT = new ConcurrentHashMap<>();

  static {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    DmnDecisionTableEvaluationListener remember = LAST::set;
    configuration.customPostDecisionTableEvaluationListeners(List.of(remember));
    ENGINE = configuration.buildEngine();
  }

  private DecisionTables() {}

  /** What one evaluation decided: the output value and the id of the rule that matched. */
  public record Decided(Object value, String ruleId) {}

  /**
   * Evaluates the decision {@code key} of {@code bpmn/<key>.dmn} (one output, one matching rule).
   *
   * @throws AssertionError if no rule or more than one matched
   */
  public static Decided evaluate(String key, Map<String, Object> variables) {
    DmnDecision decision = DECISIONS.computeIfAbsent(key, DecisionTables::parse);
    LAST.remove();
    var result = ENGINE.evaluateDecisionTable(decision, variables);
    List<DmnEvaluatedDecisionRule> matched = LAST.get().getMatchingRules();
    if (matched.size() != 1) {
      throw new AssertionError(key + " matched " + matched.size() + " rules for " + variables);
    }
    String ruleId = matched.get(0).getId();
    HIT.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(ruleId);
    return new Decided(result.getSingleResult().getSingleEntry(), ruleId);
  }

  /** The rule ids of the table in {@code bpmn/<key>.dmn} that no evaluation of this run has hit yet. */
  public static Set<String> rulesNotHit(String key) {
    Set<String> missing = new TreeSet<>();
    model(key).getModelElementsByType(Rule.class).forEach(rule -> missing.add(rule.getId()));
    missing.removeAll(HIT.getOrDefault(key, Set.of()));
    return missing;
  }

  /** The parsed file {@code bpmn/<key>.dmn}. */
  public static DmnModelInstance model(String key) {
    return Dmn.readModelFromFile(DIAGRAMS.resolve(key + ".dmn").toFile());
  }

  private static DmnDecision parse(String key) {
    try (InputStream in = Files.newInputStream(DIAGRAMS.resolve(key + ".dmn"))) {
      return ENGINE.parseDecision(key, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
