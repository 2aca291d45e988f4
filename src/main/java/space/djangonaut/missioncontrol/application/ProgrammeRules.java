package space.djangonaut.missioncontrol.application;

import java.math.BigDecimal;

/**
 * The programme's rules on reviews and the selection, which organisers keep as decision tables beside the diagrams
 * ({@code bpmn/review-disagreement.dmn}, {@code bpmn/selection-proposal.dmn}) and change in Camunda Modeler. The
 * process layer evaluates them on the engine, which keeps every evaluation in its history; this package never names a
 * decision or a variable. Every call joins the caller's transaction.
 */
public interface ProgrammeRules {

  /**
   * Whether two reviews of an application disagree enough that an organiser's third review decides
   * ({@code review-disagreement}, evaluated with the latest deployed version of the table).
   *
   * @param first the first review's recommendation
   * @param second the second review's recommendation
   * @param scoreGap how many points apart the two totals are (each 4-20), 0 or more
   * @return true for a third review, with the rule that decided
   * @throws org.camunda.bpm.engine.ProcessEngineException if the table cannot be evaluated (no rule matches, an
   *     expression fails): the step fails and the engine retries it or raises an incident
   */
  RuleDecision<Boolean> reviewsDisagree(Recommendation first, Recommendation second, int scoreGap);

  /**
   * The selection's proposal rule ({@code selection-proposal}) as deployed now, for one ranking: its version is
   * looked up once, and each {@link Proposer#propose} evaluates it from the engine's cache.
   */
  Proposer proposer();

  /** The proposal rule of one ranking. */
  interface Proposer {

    /**
     * What the selection proposes for one ranked application.
     *
     * @param placeInLine the rank, not counting those above that the rules rejected (1 + how many above were
     *     proposed accepted or waitlisted)
     * @param places the cohort's places
     * @param score the mean of the reviews' totals (4-20)
     * @param first the first review's recommendation (null: none, which no rule takes for a recommendation)
     * @param second the second review's recommendation (null: none)
     * @param tieBreak the organiser's third review's recommendation, or null when the reviews did not disagree
     * @param previouslyWaitlisted whether an earlier cohort waitlisted the applicant ({@link ApplicantHistory}):
     *     a rule may raise them (an outcome of accepted beyond the places, see {@link SelectionService#rank})
     * @return the proposed outcome, with the rule that decided
     * @throws org.camunda.bpm.engine.ProcessEngineException if the table cannot be evaluated, or its outcome is none
     *     of accepted, waitlisted, rejected
     */
    RuleDecision<Outcome> propose(int placeInLine, int places, BigDecimal score, Recommendation first,
        Recommendation second, Recommendation tieBreak, boolean previouslyWaitlisted);
  }
}
