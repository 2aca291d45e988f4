package space.djangonaut.missioncontrol.application;

/**
 * What a programme rule decided, and which rule of its table decided it: the rule's id and its annotation (the rule
 * in the organisers' words), as Camunda's history records the evaluation.
 *
 * @param value the table's output
 * @param decision the decision's key (the table's file name without {@code .dmn})
 * @param ruleId the id of the rule that matched
 * @param rule the rule's annotation, or its id when it has none
 */
public record RuleDecision<T>(T value, String decision, String ruleId, String rule) {

  /** What organisers read: the rule in words, then where it is ({@code Rule_X of selection-proposal}). */
  public String describe() {
    return rule + " (" + ruleId + " of " + decision + ")";
  }
}
