package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.process.rules.DecisionTables;
import space.djangonaut.missioncontrol.process.rules.DecisionTables.Decided;

/**
 * The default proposal, the programme rule of {@code bpmn/selection-proposal.dmn}: an applicant both reviewers
 * recommend rejecting is rejected; then the places from the top of the line, then half as many waitlisted, then the
 * rest rejected. One test per rule, each naming the rule that decided.
 */
class SelectionProposalTest {

  private static final String TABLE = "selection-proposal";
  /** The rules these tests hit: every rule of the table. */
  private static final Set<String> RULES = Set.of("Rule_BothReviewersReject", "Rule_WithinThePlaces",
      "Rule_OnTheWaitlist", "Rule_BelowTheWaitlist", "Rule_ReturningWaitlistedRaised");

  @Test
  void shouldOfferThePlacesFromTheTopOfTheRanking() {
    assertThat(propose(1, 18)).isEqualTo(new Decided("accepted", "Rule_WithinThePlaces"));
    assertThat(propose(18, 18)).isEqualTo(new Decided("accepted", "Rule_WithinThePlaces"));
  }

  @Test
  void shouldWaitlistHalfTheCapacityRoundedUpAfterThePlaces() {
    assertThat(propose(19, 18)).isEqualTo(new Decided("waitlisted", "Rule_OnTheWaitlist"));
    assertThat(propose(27, 18)).isEqualTo(new Decided("waitlisted", "Rule_OnTheWaitlist"));
    assertThat(propose(5, 3)).isEqualTo(new Decided("waitlisted", "Rule_OnTheWaitlist"));
  }

  @Test
  void shouldRejectEveryoneBelowTheWaitlist() {
    assertThat(propose(28, 18)).isEqualTo(new Decided("rejected", "Rule_BelowTheWaitlist"));
    assertThat(propose(6, 3)).isEqualTo(new Decided("rejected", "Rule_BelowTheWaitlist"));
    assertThat(propose(172, 18)).isEqualTo(new Decided("rejected", "Rule_BelowTheWaitlist"));
  }

  /** Issue 11, fault 4: both reviewers rejected an applicant (7/20), who was proposed "waitlisted" by rank. */
  @Test
  void shouldProposeRejectedWhenBothReviewersRecommendReject() {
    assertThat(propose(19, 18, 7.0, "reject", "reject", "none"))
        .isEqualTo(new Decided("rejected", "Rule_BothReviewersReject"));
    assertThat(propose(1, 18, 16.0, "reject", "reject", "none"))
        .isEqualTo(new Decided("rejected", "Rule_BothReviewersReject"));
  }

  @Test
  void shouldProposeRejectedWhenBothReviewersAndTheTieBreakRecommendReject() {
    assertThat(propose(2, 18, 9.0, "reject", "reject", "reject"))
        .isEqualTo(new Decided("rejected", "Rule_BothReviewersReject"));
  }

  @Test
  void shouldRankAnApplicantBothRejectedWhenTheTieBreakRecommendsOtherwise() {
    assertThat(propose(2, 18, 12.0, "reject", "reject", "accept"))
        .isEqualTo(new Decided("accepted", "Rule_WithinThePlaces"));
    assertThat(propose(19, 18, 12.0, "reject", "reject", "maybe"))
        .isEqualTo(new Decided("waitlisted", "Rule_OnTheWaitlist"));
  }

  @Test
  void shouldRankAnApplicantOnlyOneReviewerRejects() {
    assertThat(propose(3, 18, 11.0, "reject", "maybe", "none"))
        .isEqualTo(new Decided("accepted", "Rule_WithinThePlaces"));
    assertThat(propose(3, 18, 11.0, "maybe", "reject", "none"))
        .isEqualTo(new Decided("accepted", "Rule_WithinThePlaces"));
  }

  /** Issue 12: someone waitlisted last time, on the waitlist now, whom no review recommends rejecting, is raised. */
  @Test
  void shouldRaiseAReturningWaitlistedApplicantOnTheWaitlistWhomNoReviewRejects() {
    assertThat(propose(19, 18, 12.0, "maybe", "accept", "none", true))
        .isEqualTo(new Decided("accepted", "Rule_ReturningWaitlistedRaised"));
    assertThat(propose(27, 18, 10.0, "maybe", "maybe", "accept", true))
        .isEqualTo(new Decided("accepted", "Rule_ReturningWaitlistedRaised"));
    assertThat(propose(3, 2, 12.0, "accept", "accept", "none", true))
        .isEqualTo(new Decided("accepted", "Rule_ReturningWaitlistedRaised"));
  }

  @Test
  void shouldNotRaiseAReturningApplicantBelowTheWaitlistOrWhomAReviewRejects() {
    assertThat(propose(28, 18, 12.0, "maybe", "accept", "none", true))
        .isEqualTo(new Decided("rejected", "Rule_BelowTheWaitlist"));
    assertThat(propose(19, 18, 12.0, "reject", "accept", "accept", true))
        .isEqualTo(new Decided("waitlisted", "Rule_OnTheWaitlist"));
    assertThat(propose(19, 18, 12.0, "maybe", "accept", "reject", true))
        .isEqualTo(new Decided("waitlisted", "Rule_OnTheWaitlist"));
    assertThat(propose(19, 18, 12.0, "maybe", "accept", "none", false))
        .isEqualTo(new Decided("waitlisted", "Rule_OnTheWaitlist"));
    assertThat(propose(5, 18, 12.0, "maybe", "accept", "none", true))
        .isEqualTo(new Decided("accepted", "Rule_WithinThePlaces"));
  }

  @Test
  void shouldTestEveryRuleOfTheTableAndSayEachInWords() {
    List<Rule> rules = List.copyOf(DecisionTables.model(TABLE).getModelElementsByType(Rule.class));
    assertThat(rules).extracting(Rule::getId).containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).isNotBlank());
  }

  private static Decided propose(int placeInLine, int places) {
    return propose(placeInLine, places, 14.0, "maybe", "accept", "none");
  }

  /** What the table proposes, with the variables {@code ProgrammeRulesOnEngine} gives it. */
  private static Decided propose(int placeInLine, int places, double score, String first, String second,
      String tieBreak) {
    return propose(placeInLine, places, score, first, second, tieBreak, false);
  }

  private static Decided propose(int placeInLine, int places, double score, String first, String second,
      String tieBreak, boolean previouslyWaitlisted) {
    return DecisionTables.evaluate(TABLE, Map.of("placeInLine", placeInLine, "places", places, "score", score,
        "firstRecommendation", first, "secondRecommendation", second, "tieBreakRecommendation", tieBreak,
        "previouslyWaitlisted", previouslyWaitlisted));
  }
}
