package space.djangonaut.missioncontrol.application;

import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.RECOMMENDATION;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.REVIEW_COMMENT;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.SCORE_AVAILABILITY;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.SCORE_COMMUNITY;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.SCORE_EXPERIENCE;
import static space.djangonaut.missioncontrol.process.application.ApplicationProcess.SCORE_MOTIVATION;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reviews of applications: what a reviewer sees, who may review, and how the scores add up. */
@Service
public class ReviewService {

  /** Two reviews whose totals (4-20) differ by this much or more call for a tie-break. */
  static final int DISAGREEMENT_SPREAD = 6;
  private static final int MAX_COMMENT = 4000;

  private final ApplicationRepository applications;
  private final ReviewRepository reviews;
  private final TaskService taskService;
  private final Clock clock;

  ReviewService(ApplicationRepository applications, ReviewRepository reviews, TaskService taskService, Clock clock) {
    this.applications = applications;
    this.reviews = reviews;
    this.taskService = taskService;
    this.clock = clock;
  }

  /**
   * The answers a reviewer needs, as variables for the review form. Contact details and sensitive answers
   * (email, pronouns) are left out.
   */
  @Transactional(readOnly = true)
  public Map<String, Object> answersForReviewer(long applicationId) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("applicantName", application.getName());
    answers.put("cohortName", application.getCohort().getName());
    answers.put("applicantTimezone", application.getTimezone());
    answers.put("applicantAvailability", application.getAvailability().describe());
    answers.put("applicantHoursPerWeek", application.getHoursPerWeek() + " hours a week");
    answers.put("applicantDjangoExperience", application.getDjangoExperience().getLabel());
    answers.put("applicantExperienceDetails", application.getExperienceDetails());
    answers.put("applicantMotivation", application.getMotivation());
    answers.put("applicantProject", application.getProject());
    answers.put("applicantContributionUrl", application.getContributionUrl());
    return answers;
  }

  /**
   * Refuses a reviewer who has already reviewed this application or holds its other review task.
   *
   * @throws BadUserRequestException naming the reason, shown to the reviewer in Tasklist
   */
  @Transactional(readOnly = true)
  public void ensureReviewerIsIndependent(long applicationId, String processInstanceId, String taskId,
      String reviewer) {
    if (reviewer == null) {
      return;
    }
    if (reviews.existsByApplicationIdAndReviewer(applicationId, reviewer)) {
      throw new BadUserRequestException(
          "You have already reviewed this application; a second review must come from someone else.");
    }
    long otherTasksHeld = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskAssignee(reviewer).list().stream().filter(task -> !task.getId().equals(taskId)).count();
    if (otherTasksHeld > 0) {
      throw new BadUserRequestException(
          "You already hold a review of this application; the other review must come from someone else.");
    }
  }

  /**
   * Records a completed review form.
   *
   * @param submitted the form's variables: four scores from 1 to 5, a recommendation and a comment
   * @throws BadUserRequestException naming the field that is missing or out of range
   */
  @Transactional
  public Review record(long applicationId, String reviewer, Map<String, Object> submitted, boolean tieBreak) {
    if (reviewer == null || reviewer.isBlank()) {
      throw new BadUserRequestException("A review must be claimed by a reviewer before it is completed.");
    }
    if (reviews.existsByApplicationIdAndReviewer(applicationId, reviewer)) {
      throw new BadUserRequestException(
          "You have already reviewed this application; a second review must come from someone else.");
    }
    ReviewScores scores = new ReviewScores(
        score(submitted, SCORE_MOTIVATION), score(submitted, SCORE_EXPERIENCE),
        score(submitted, SCORE_AVAILABILITY), score(submitted, SCORE_COMMUNITY),
        recommendation(submitted), comment(submitted));
    return reviews.save(new Review(applicationId, reviewer, scores, tieBreak, clock.instant()));
  }

  /**
   * Stores the aggregate score (the mean of the reviews' totals) on the application.
   *
   * @return whether the reviewers disagree enough to need a tie-break review
   */
  @Transactional
  public boolean aggregate(long applicationId) {
    Application application = applications.findById(applicationId).orElseThrow();
    List<Review> all = reviews.findByApplicationIdOrderByReviewedAt(applicationId);
    if (all.isEmpty()) {
      throw new IllegalStateException("Application " + applicationId + " has no reviews to aggregate.");
    }
    BigDecimal mean = BigDecimal.valueOf(all.stream().mapToInt(Review::total).sum())
        .divide(BigDecimal.valueOf(all.size()), 2, RoundingMode.HALF_UP);
    application.reviewed(mean);
    return needsTieBreak(all);
  }

  static boolean needsTieBreak(List<Review> all) {
    if (all.stream().anyMatch(Review::isTieBreak) || all.size() < 2) {
      return false;
    }
    Set<Recommendation> recommended = all.stream().map(Review::getRecommendation)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Recommendation.class)));
    int spread = all.stream().mapToInt(Review::total).max().getAsInt()
        - all.stream().mapToInt(Review::total).min().getAsInt();
    return recommended.containsAll(EnumSet.of(Recommendation.ACCEPT, Recommendation.REJECT))
        || spread >= DISAGREEMENT_SPREAD;
  }

  private static int score(Map<String, Object> submitted, String field) {
    Object value = submitted.get(field);
    int score;
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      score = number.intValue();
    } else if (value instanceof String text && text.strip().matches("\\d{1,2}")) {
      score = Integer.parseInt(text.strip());
    } else {
      throw new BadUserRequestException(field + ": give a whole number from " + ReviewScores.MIN_SCORE + " to "
          + ReviewScores.MAX_SCORE + ".");
    }
    if (score < ReviewScores.MIN_SCORE || score > ReviewScores.MAX_SCORE) {
      throw new BadUserRequestException(field + ": " + score + " is outside " + ReviewScores.MIN_SCORE + " to "
          + ReviewScores.MAX_SCORE + ".");
    }
    return score;
  }

  private static Recommendation recommendation(Map<String, Object> submitted) {
    Object value = submitted.get(RECOMMENDATION);
    if (value instanceof String text) {
      for (Recommendation recommendation : Recommendation.values()) {
        if (recommendation.name().equalsIgnoreCase(text.strip())) {
          return recommendation;
        }
      }
    }
    throw new BadUserRequestException(RECOMMENDATION + ": choose accept, maybe or reject.");
  }

  private static String comment(Map<String, Object> submitted) {
    Object value = submitted.get(REVIEW_COMMENT);
    if (value == null) {
      return null;
    }
    String comment = value.toString().strip();
    if (comment.length() > MAX_COMMENT) {
      throw new BadUserRequestException(REVIEW_COMMENT + ": keep the comment to " + MAX_COMMENT + " characters.");
    }
    return comment.isEmpty() ? null : comment;
  }
}
