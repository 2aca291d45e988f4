package space.djangonaut.missioncontrol.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import space.djangonaut.missioncontrol.process.rules.DecisionTables;
import space.djangonaut.missioncontrol.process.rules.DecisionTables.Decided;

/**
 * When two reviews call for a third: the programme rule of {@code bpmn/review-disagreement.dmn} (opposite
 * recommendations, or totals 6 apart), one test per rule, each naming the rule that decided; and which reviews
 * {@link ReviewService} asks the table about (the first two, never once the tie-break is in).
 */
class TieBreakRuleTest {

  private static final String TABLE = "review-disagreement";
  /** The rules these tests hit: every rule of the table. */
  private static final Set<String> RULES = Set.of("Rule_AcceptAgainstReject", "Rule_RejectAgainstAccept",
      "Rule_TotalsSixOrMoreApart", "Rule_ReviewsAgree");

  @Test
  void shouldAskForAThirdReviewWhenOneReviewerAcceptsAndTheOtherRejects() {
    assertThat(decide(review(3, "accept"), review(3, "reject")))
        .isEqualTo(new Decided(true, "Rule_AcceptAgainstReject"));
  }

  @Test
  void shouldAskForAThirdReviewWhenTheFirstReviewerRejectsAndTheSecondAccepts() {
    assertThat(decide(review(4, "reject"), review(4, "accept")))
        .isEqualTo(new Decided(true, "Rule_RejectAgainstAccept"));
  }

  @Test
  void shouldAskForAThirdReviewWhenTotalsAreSixOrMoreApart() {
    // totals 4 x 4 = 16 and 4 x 2 + 2 = 10: six apart
    assertThat(decide(review(4, "maybe"), review(2, 4, "maybe")))
        .isEqualTo(new Decided(true, "Rule_TotalsSixOrMoreApart"));
    assertThat(decide(review(1, "reject"), review(5, "reject")))
        .isEqualTo(new Decided(true, "Rule_TotalsSixOrMoreApart"));
  }

  @Test
  void shouldNotAskWhenTotalsAreFiveApartAndRecommendationsDoNotConflict() {
    // 16 and 11
    assertThat(decide(review(4, "accept"), review(3, 2, "maybe")))
        .isEqualTo(new Decided(false, "Rule_ReviewsAgree"));
    assertThat(decide(review(2, "reject"), review(2, "reject")))
        .isEqualTo(new Decided(false, "Rule_ReviewsAgree"));
  }

  @Test
  void shouldNotAskForAThirdReviewOnceTheTieBreakIsThereOrWithOneReview() {
    assertThat(ReviewService.reviewsToCompare(List.of(review(5, "accept"), review(1, "reject"),
        new Review(1L, "organiser", scores(3, 3, "accept"), true, Instant.EPOCH)))).isEmpty();
    assertThat(ReviewService.reviewsToCompare(List.of(review(5, "accept")))).isEmpty();
    assertThat(ReviewService.reviewsToCompare(List.of(review(5, "accept"), review(1, "reject")))).hasSize(2);
  }

  @Test
  void shouldTestEveryRuleOfTheTableAndSayEachInWords() {
    List<Rule> rules = List.copyOf(DecisionTables.model(TABLE).getModelElementsByType(Rule.class));
    assertThat(rules).extracting(Rule::getId).containsExactlyInAnyOrderElementsOf(RULES);
    assertThat(rules).allSatisfy(rule -> assertThat(rule.getDescription().getTextContent()).isNotBlank());
  }

  /** What the table decides for two reviews, with the inputs {@link ReviewService} gives it. */
  private static Decided decide(Review first, Review second) {
    return DecisionTables.evaluate(TABLE, Map.of("firstRecommendation", first.getRecommendation().value(),
        "secondRecommendation", second.getRecommendation().value(),
        "scoreGap", Math.abs(first.total() - second.total())));
  }

  private static Review review(int score, String recommendation) {
    return review(score, score, recommendation);
  }

  /** Three criteria scored {@code score}, the fourth {@code last}. */
  private static Review review(int score, int last, String recommendation) {
    return new Review(1L, "reviewer", scores(score, last, recommendation), false, Instant.EPOCH);
  }

  private static ReviewScores scores(int score, int last, String recommendation) {
    return new ReviewScores(score, score, score, last, Recommendation.valueOf(recommendation.toUpperCase()), null);
  }
}
