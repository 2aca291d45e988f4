package space.djangonaut.missioncontrol.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.common.FormSchema;

/** Reviews of applications: what a reviewer sees, who may review, and how the scores add up. */
@Service
public class ReviewService {

  /** Why someone may not review or tie-break an application: it is theirs. */
  public static final String OWN_APPLICATION =
      "You cannot review this application: it was sent from your own email address. Someone else must review it.";

  private final ApplicationRepository applications;
  private final ReviewRepository reviews;
  private final TaskService taskService;
  private final Clock clock;
  private final DisplayZone displayZone;
  private final ProgrammeRules rules;
  private final ApplicantHistory history;
  private final IdentityService identityService;
  private final ApplyForms applyForms;

  ReviewService(ApplyForms applyForms, ApplicationRepository applications, ReviewRepository reviews, TaskService taskService, Clock clock,
      ProgrammeRules rules, IdentityService identityService, DisplayZone displayZone, ApplicantHistory history) {
    this.applyForms = applyForms;
    this.displayZone = displayZone;
    this.history = history;
    this.identityService = identityService;
    this.applications = applications;
    this.reviews = reviews;
    this.taskService = taskService;
    this.clock = clock;
    this.rules = rules;
  }

  /**
   * The answers a reviewer needs, shown read-only by the review form. The availability is drawn for the reviewer
   * who holds the task: in the applicant's zone, the reviewer's own zone ({@link DisplayZone#of}) and UTC, for the
   * cohort's first week.
   *
   * @param reviewer the Camunda user id of the task's assignee; {@code null} while nobody holds it (then the
   *     fallback zone, {@code missioncontrol.display-zone})
   */
  @Transactional(readOnly = true)
  public ApplicantAnswers answersForReviewer(long applicationId, String reviewer) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    return new ApplicantAnswers(application.getName(), application.getCohort().getName(), application.getTimezone(),
        displayZone.describe(application.getAvailability(), application.getCohort().getStartsOn(), reviewer),
        application.getHoursPerWeek() + " hours a week",
        application.getDjangoExperience().getLabel(), application.getExperienceDetails(),
        application.getMotivation(), application.getProject(), application.getContributionUrl(),
        otherAnswers(application));
  }

  /**
   * The answers to the application form's other questions as the version the person answered labels them, without
   * the sensitive ones; empty if there are none, or if that version's deployment was deleted (then nothing says
   * which answers are sensitive, so none is shown).
   */
  private String otherAnswers(Application application) {
    if (application.getOtherAnswers() == null || application.getFormVersion() == null) {
      return "";
    }
    var answers = FormSchema.storedAnswersTree(application.getOtherAnswers());
    return applyForms.version(application.getFormVersion()).map(schema -> schema.forReviewers(answers)).orElse("");
  }

  /**
   * Refuses a reviewer who has already reviewed this application or holds its other review task, and anyone whose
   * account email is the applicant's.
   *
   * @throws BadUserRequestException naming the reason, shown to the reviewer in Tasklist
   * @throws AuthorizationException ({@link #OWN_APPLICATION}) if the reviewer is the applicant
   */
  @Transactional(readOnly = true)
  public void ensureReviewerIsIndependent(long applicationId, String processInstanceId, String taskId,
      String reviewer) {
    if (reviewer == null) {
      return;
    }
    ensureNotApplicant(applicationId, reviewer);
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
   * Which of these users applied with this application: their Camunda account's email is the applicant's, compared
   * without regard to case (a reviewer may apply to a cohort they review; they never review themselves).
   *
   * @param users Camunda user ids
   * @return the users among them who are the applicant (usually none)
   */
  @Transactional(readOnly = true)
  public Set<String> applicantsAmong(long applicationId, Collection<String> users) {
    if (users.isEmpty()) {
      return Set.of();
    }
    String email = applications.findById(applicationId).map(Application::getEmail).orElse(null);
    if (email == null) {
      return Set.of();
    }
    return identityService.createUserQuery().userIdIn(users.toArray(String[]::new)).list().stream()
        .filter(user -> user.getEmail() != null && user.getEmail().strip().equalsIgnoreCase(email.strip()))
        .map(User::getId).collect(Collectors.toSet());
  }

  private void ensureNotApplicant(long applicationId, String user) {
    if (!applicantsAmong(applicationId, List.of(user)).isEmpty()) {
      throw new AuthorizationException(OWN_APPLICATION);
    }
  }

  /**
   * The two reviews an organiser's tie-break settles, the rule that asked for it, and the applicant's part in other
   * cohorts ({@link ApplicantHistory}: outcomes only), shown read-only on its form.
   */
  @Transactional(readOnly = true)
  public EarlierReviews earlierReviews(long applicationId) {
    Application application = applications.findById(applicationId).orElseThrow();
    String before = ApplicantHistory.describe(history.of(application));
    return EarlierReviews.of(reviews.findByApplicationIdOrderByReviewedAt(applicationId).stream()
        .filter(review -> !review.isTieBreak()).toList(), application.getDisagreementRule(),
        before.isEmpty() ? null : "Applied before: " + before + ".");
  }

  /** Who has reviewed this application so far (tie-break included). */
  @Transactional(readOnly = true)
  public List<String> reviewersOf(long applicationId) {
    return reviews.findByApplicationIdOrderByReviewedAt(applicationId).stream().map(Review::getReviewer).toList();
  }

  /**
   * Records a completed review form.
   *
   * @param scores the checked form: four scores from 1 to 5, a recommendation and a comment
   * @throws BadUserRequestException if the task was not claimed, or this reviewer has reviewed the application
   */
  @Transactional
  public Review record(long applicationId, String reviewer, ReviewScores scores, boolean tieBreak) {
    if (reviewer == null || reviewer.isBlank()) {
      throw new BadUserRequestException("A review must be claimed by a reviewer before it is completed.");
    }
    ensureNotApplicant(applicationId, reviewer);
    if (reviews.existsByApplicationIdAndReviewer(applicationId, reviewer)) {
      throw new BadUserRequestException(
          "You have already reviewed this application; a second review must come from someone else.");
    }
    return reviews.save(new Review(applicationId, reviewer, scores, tieBreak, clock.instant()));
  }

  /**
   * Stores the aggregate score (the mean of the reviews' totals) on the application. Once the first two reviews are
   * in, the programme rule {@code bpmn/review-disagreement.dmn} says whether they disagree (see {@link
   * ProgrammeRules#reviewsDisagree}); the rule that decided is kept on the application. If they disagree, the
   * application stays in review ({@link ApplicationStatus#AWAITING_TIE_BREAK}) until the third review: the selection
   * neither ranks nor decides it before.
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
    List<Review> compared = reviewsToCompare(all);
    boolean tieBreak = false;
    if (!compared.isEmpty()) {
      Review first = compared.get(0);
      Review second = compared.get(1);
      RuleDecision<Boolean> disagreement = rules.reviewsDisagree(first.getRecommendation(),
          second.getRecommendation(), Math.abs(first.total() - second.total()));
      application.disagreementDecided(disagreement);
      tieBreak = Boolean.TRUE.equals(disagreement.value());
    }
    if (tieBreak) {
      application.awaitingTieBreak(mean);
    } else {
      application.reviewed(mean);
    }
    return tieBreak;
  }

  /**
   * The two reviews the disagreement rule compares: the first two, once both are in and no tie-break is; otherwise
   * none (one review so far, or the organiser's third review settled it).
   */
  static List<Review> reviewsToCompare(List<Review> all) {
    if (all.stream().anyMatch(Review::isTieBreak) || all.size() < 2) {
      return List.of();
    }
    return all.subList(0, 2);
  }
}
