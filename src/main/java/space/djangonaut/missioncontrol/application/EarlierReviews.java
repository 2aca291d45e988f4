package space.djangonaut.missioncontrol.application;

import java.util.List;
import java.util.Locale;

/**
 * The two reviews that disagree, shown read-only on the organiser's tie-break (the review form's fields of these
 * names appear only when they have values): who reviewed, the four scores and their total out of 20, the
 * recommendation and the comment; and the programme rule ({@code bpmn/review-disagreement.dmn}) that asked for the
 * third review; and, when the applicant applied to other cohorts or volunteered, how that ended
 * ({@code applicantHistory}, {@link ApplicantHistory}: the cohort and the outcome only).
 */
public record EarlierReviews(String firstReviewer, String firstReviewScores, String firstReviewRecommendation,
    String firstReviewComment, String secondReviewer, String secondReviewScores, String secondReviewRecommendation,
    String secondReviewComment, String tieBreakRule, String applicantHistory) {

  /**
   * The first two reviews of an application, in the order they were given; a missing one shows as blanks.
   *
   * @param rule the rule that asked for the tie-break ({@link RuleDecision#describe}), or null
   * @param applicantHistory the applicant's part in other cohorts in words, or null when none
   */
  static EarlierReviews of(List<Review> reviews, String rule, String applicantHistory) {
    String[] first = describe(reviews.size() > 0 ? reviews.get(0) : null);
    String[] second = describe(reviews.size() > 1 ? reviews.get(1) : null);
    return new EarlierReviews(first[0], first[1], first[2], first[3], second[0], second[1], second[2], second[3],
        rule, applicantHistory);
  }

  private static String[] describe(Review review) {
    if (review == null) {
      return new String[] {null, null, null, null};
    }
    String scores = "Motivation " + review.getScoreMotivation() + ", experience fit " + review.getScoreExperience()
        + ", availability " + review.getScoreAvailability() + ", community connection "
        + review.getScoreCommunity() + ": " + review.total() + " of 20";
    String comment = review.getComment() == null || review.getComment().isBlank() ? "(no comment)"
        : review.getComment();
    return new String[] {review.getReviewer(), scores,
        review.getRecommendation().name().toLowerCase(Locale.ROOT), comment};
  }
}
