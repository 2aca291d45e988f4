package space.djangonaut.missioncontrol.process.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.stereotype.Component;

/**
 * Which rule of a decision table decided: the engine's DMN evaluation tells a listener the matching rules (as it
 * tells the history, which records their ids), and this listener keeps the last evaluation of the calling thread, so
 * that the caller of {@link org.camunda.bpm.engine.DecisionService} reads the rule right after its call. Registered
 * with the engine's DMN configuration before the engine is built, next to the history's own listener.
 */
@Component
class MatchedRules extends AbstractCamundaConfiguration implements DmnDecisionTableEvaluationListener {

  private final ThreadLocal<DmnDecisionTableEvaluationEvent> last = new ThreadLocal<>();
  /** The annotations of each deployed table's rules, by decision definition id, then rule id. */
  private final Map<String, Map<String, String>> annotations = new ConcurrentHashMap<>();

  @Override
  public void preInit(SpringProcessEngineConfiguration configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    List<DmnDecisionTableEvaluationListener> listeners = new ArrayList<>();
    if (dmn.getCustomPostDecisionTableEvaluationListeners() != null) {
      listeners.addAll(dmn.getCustomPostDecisionTableEvaluationListeners());
    }
    listeners.add(this);
    dmn.setCustomPostDecisionTableEvaluationListeners(listeners);
  }

  @Override
  public void notify(DmnDecisionTableEvaluationEvent event) {
    last.set(event);
  }

  /** Forgets the calling thread's last evaluation: call before evaluating. */
  void clear() {
    last.remove();
  }

  /**
   * The one rule that matched in the calling thread's last evaluation of {@code key}, with its annotation.
   *
   * @throws ProcessEngineException if no table was evaluated since {@link #clear}, another was, or not exactly one
   *     rule matched (a table whose hit policy lets several match is not a programme rule Mission Control can read)
   */
  Matched matched(String key, RepositoryService repositoryService) {
    DmnDecisionTableEvaluationEvent event = last.get();
    last.remove();
    if (event == null || !key.equals(event.getDecision().getKey())) {
      throw new ProcessEngineException("The decision table " + key + " was not evaluated.");
    }
    List<DmnEvaluatedDecisionRule> rules = event.getMatchingRules();
    if (rules.size() != 1) {
      throw new ProcessEngineException("The decision table " + key + " matched " + rules.size()
          + " rules; a programme rule must match exactly one (hit policy FIRST or UNIQUE, and a last rule for "
          + "everything else).");
    }
    String ruleId = rules.get(0).getId();
    String definitionId = event.getDecision() instanceof DecisionDefinition definition ? definition.getId() : null;
    String annotation = definitionId == null ? null
        : annotations.computeIfAbsent(definitionId, id -> annotationsOf(repositoryService.getDmnModelInstance(id)))
            .get(ruleId);
    return new Matched(ruleId, annotation == null || annotation.isBlank() ? ruleId : annotation);
  }

  private static Map<String, String> annotationsOf(DmnModelInstance model) {
    Map<String, String> byRule = new ConcurrentHashMap<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      if (rule.getDescription() != null && rule.getDescription().getTextContent() != null) {
        byRule.put(rule.getId(), rule.getDescription().getTextContent().strip().replaceAll("\\s+", " "));
      }
    }
    return byRule;
  }

  /** The rule that matched: its id and its annotation (its id when it has none). */
  record Matched(String ruleId, String rule) {}
}
