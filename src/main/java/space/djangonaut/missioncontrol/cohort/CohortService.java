package space.djangonaut.missioncontrol.cohort;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.common.NotFoundException;

@Service
public class CohortService {

  private final CohortRepository cohorts;
  private final CohortReviewers reviewers;
  private final Clock clock;
  private final Duration teamLeadTime;

  /**
   * @param teamLeadTime {@code missioncontrol.cohort.team-lead-time}: how long before its start a new cohort's teams
   *     are formed, confirmed and welcomed (ISO-8601, default P7D); each cohort keeps the date it was created with
   */
  CohortService(CohortRepository cohorts, CohortReviewers reviewers, Clock clock,
      @Value("${missioncontrol.cohort.team-lead-time:P7D}") Duration teamLeadTime) {
    this.cohorts = cohorts;
    this.reviewers = reviewers;
    this.clock = clock;
    this.teamLeadTime = teamLeadTime;
  }

  /**
   * Creates a cohort, its teams to be formed the team lead time before its start, reviewed by the form's reviewers.
   *
   * @throws SlugTakenException if another cohort already has this slug
   * @throws CohortReviewers.UnknownReviewersException if a reviewer named is neither a group nor a user
   */
  @Transactional
  public Cohort create(CohortForm form) {
    if (cohorts.existsBySlug(form.getSlug())) {
      throw new SlugTakenException(form.getSlug());
    }
    reviewers.parse(form.getReviewers());
    Cohort cohort = new Cohort(form.getSlug(), form.getName().strip(), form.getApplicationsOpenOn(),
        form.getApplicationsCloseOn(), form.getStartsOn(), form.getWeeks(), form.getCapacity(), clock.instant());
    cohort.formTeamsBeforeTheStart(teamLeadTime);
    cohort = cohorts.save(cohort);
    reviewers.assign(cohort, form.getReviewers());
    return cohort;
  }

  /**
   * The version of the public application form the cohort asks: the one it has, or else {@code latest}, which it
   * keeps from now on (a cohort keeps the form it opened with). Two requests racing here agree on one version.
   *
   * @param latest the latest deployed version of {@code forms/apply.form}
   */
  @Transactional
  public int applyFormVersion(Cohort cohort, int latest) {
    if (cohort.getApplyFormVersion() != null) {
      return cohort.getApplyFormVersion();
    }
    cohorts.pinApplyFormVersion(cohort.getId(), latest);
    return cohorts.applyFormVersion(cohort.getId());
  }

  /** An organiser's choice: the cohort asks this version of the public application form from now on. */
  @Transactional
  public void useApplyFormVersion(Cohort cohort, int version) {
    cohorts.useApplyFormVersion(cohort.getId(), version);
  }

  /** The cohort with this slug, or {@link NotFoundException}. */
  @Transactional(readOnly = true)
  public Cohort bySlug(String slug) {
    return cohorts.findBySlug(slug).orElseThrow(() -> new NotFoundException("No cohort \"" + slug + "\"."));
  }

  @Transactional(readOnly = true)
  public List<Cohort> all() {
    return cohorts.findAllByOrderByStartsOnDesc();
  }

  /** Thrown when an organiser picks a slug that another cohort already uses. */
  public static class SlugTakenException extends RuntimeException {
    SlugTakenException(String slug) {
      super("The web name \"" + slug + "\" is already used by another cohort.");
    }
  }
}
