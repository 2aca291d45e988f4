package space.djangonaut.missioncontrol.application;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.NotFoundException;
import space.djangonaut.missioncontrol.common.Tokens;

/**
 * A person leaves their cohort: a Djangonaut withdraws through the personal link in their emails, an organiser
 * withdraws someone, or a person's data is erased while their part is live ({@link ApplicationPersonalData}). One path
 * for all three, so that nobody is left stuck in a process:
 *
 * <ul>
 *   <li>in review: the application leaves the review, and a cohort waiting for its last reviews counts again;</li>
 *   <li>reviewed, accepted, waitlisted or offered: it is no longer ranked, decided or offered; a place it held goes
 *       back to the cohort, which offers it to the waitlist until the teams are formed (as a decline would);</li>
 *   <li>a confirmed Djangonaut in a team: the team's process stops what was about them (their open one-to-ones;
 *       later weeks no longer ask about them) and tells their Navigator and Captain; the impact report counts them
 *       as a withdrawal;</li>
 *   <li>a confirmed Djangonaut without a team yet: their place goes back to the cohort, as a decline's would.</li>
 * </ul>
 *
 * In every case the application's own process ends. What was recorded (reviews, check-ins, one-to-ones) stays.
 */
@Service
public class WithdrawalService {

  /** The statuses in which a person still has a part to leave. */
  static final Set<ApplicationStatus> LIVE = EnumSet.of(ApplicationStatus.SUBMITTED,
      ApplicationStatus.AWAITING_TIE_BREAK, ApplicationStatus.REVIEWED, ApplicationStatus.DECIDED,
      ApplicationStatus.OFFERED, ApplicationStatus.CONFIRMED);

  private final ApplicationRepository applications;
  private final WithdrawalLinkRepository links;
  private final ApplicationWorkflow workflow;
  private final Clock clock;

  WithdrawalService(ApplicationRepository applications, WithdrawalLinkRepository links, ApplicationWorkflow workflow,
      Clock clock) {
    this.applications = applications;
    this.links = links;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * A fresh personal link for a Djangonaut's email (256-bit random token; only its hash is kept). Joins the caller's
   * transaction, so an email that fails leaves no link behind.
   *
   * @return the link's path, {@code /withdraw/<token>}
   */
  @Transactional
  public String newLinkPath(long applicationId) {
    String token = Tokens.newToken();
    links.save(new WithdrawalLink(applicationId, Tokens.hash(token), clock.instant()));
    return "/withdraw/" + token;
  }

  /**
   * What a withdrawal link shows: who, which cohort, and whether they can still withdraw.
   *
   * @throws NotFoundException if the token is no link of ours
   */
  @Transactional(readOnly = true)
  public WithdrawalView view(String token) {
    return view(applicationOf(token));
  }

  /**
   * Withdraws the Djangonaut of this link (the confirmation page's POST).
   *
   * @return what the page shows afterwards: {@link WithdrawalState#WITHDRAWN}, or why nothing changed
   * @throws NotFoundException if the token is no link of ours
   */
  @Transactional
  public WithdrawalView withdrawByLink(String token) {
    Application application = applicationOf(token);
    WithdrawalView before = view(application);
    if (before.state() != WithdrawalState.OPEN) {
      return before;
    }
    withdraw(application);
    return view(application);
  }

  /**
   * An organiser withdraws someone (on their behalf, or for leaving the programme's rules).
   *
   * @return whether anything changed (false when the person had no live part: already withdrawn, declined, rejected,
   *     or their cohort is over)
   * @throws NotFoundException if there is no such application
   */
  @Transactional
  public boolean withdrawByOrganiser(long applicationId) {
    Application application = applications.findWithCohort(applicationId)
        .orElseThrow(() -> new NotFoundException("There is no application #" + applicationId + "."));
    if (!LIVE.contains(application.getStatus()) || isOver(application.getCohort())) {
      return false;
    }
    withdraw(application);
    return true;
  }

  /**
   * The path every withdrawal takes (see the class comment); joins the caller's transaction. An application with no
   * live part (rejected, declined, expired, waitlist closed, withdrawn) is left as it is.
   *
   * @return whether the application was withdrawn now
   */
  @Transactional
  public boolean withdraw(Application application) {
    ApplicationStatus was = application.getStatus();
    if (!LIVE.contains(was)) {
      return false;
    }
    application.withdraw(clock.instant());
    workflow.withdrawn(application.getId());
    String slug = application.getCohort().getSlug();
    switch (was) {
      case SUBMITTED, AWAITING_TIE_BREAK -> workflow.applicationReviewed(slug);
      case DECIDED, OFFERED -> {
        if (was == ApplicationStatus.OFFERED || application.getOutcome() == Outcome.ACCEPTED) {
          workflow.placeReleased(slug);
        }
      }
      case CONFIRMED -> {
        if (!workflow.djangonautWithdrew(application.getId())) {
          workflow.placeReleased(slug);
        }
      }
      default -> {
        // REVIEWED: no longer ranked nor proposed; nothing waits for it.
      }
    }
    return true;
  }

  private Application applicationOf(String token) {
    if (!Tokens.looksValid(token)) {
      throw new NotFoundException("This link is not one of ours.");
    }
    WithdrawalLink link = links.findByTokenHash(Tokens.hash(token))
        .orElseThrow(() -> new NotFoundException("This link is not one of ours."));
    return applications.findWithCohort(link.getApplicationId()).orElseThrow();
  }

  private WithdrawalView view(Application application) {
    Cohort cohort = application.getCohort();
    WithdrawalState state;
    if (application.getStatus() == ApplicationStatus.WITHDRAWN) {
      state = WithdrawalState.WITHDRAWN;
    } else if (application.getStatus() != ApplicationStatus.CONFIRMED || isOver(cohort)) {
      state = WithdrawalState.OVER;
    } else {
      state = WithdrawalState.OPEN;
    }
    return new WithdrawalView(application.getName(), cohort.getName(), state);
  }

  /** The cohort's last week is over (its start plus its weeks, UTC). */
  private boolean isOver(Cohort cohort) {
    return !clock.instant().isBefore(cohort.startsAt().plus(Duration.ofDays(7L * cohort.getWeeks())));
  }

  /** What a withdrawal link's page shows. */
  public record WithdrawalView(String name, String cohortName, WithdrawalState state) {}

  public enum WithdrawalState {
    /** A confirmed Djangonaut of a running cohort: the page asks them to confirm. */
    OPEN,
    /** They have withdrawn (now or before). */
    WITHDRAWN,
    /** Nothing to withdraw from: the cohort is over, or the place was never taken. */
    OVER
  }
}
