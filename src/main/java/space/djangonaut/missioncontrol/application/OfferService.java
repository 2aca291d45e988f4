package space.djangonaut.missioncontrol.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;

/**
 * Offers of a place: the personal accept/decline link with its deadline, the reminder, and what follows an answer
 * or its absence. A declined or expired offer frees the place, and the cohort's process offers it to the
 * best-ranked waitlisted applicant.
 */
@Service
public class OfferService {

  /** The reminder goes out this long before the deadline. */
  static final Duration REMINDER_BEFORE_DEADLINE = Duration.ofDays(2);

  private final ApplicationRepository applications;
  private final OfferRepository offers;
  private final MailService mail;
  private final ApplicationWorkflow workflow;
  private final Clock clock;

  OfferService(ApplicationRepository applications, OfferRepository offers, MailService mail,
      ApplicationWorkflow workflow, Clock clock) {
    this.applications = applications;
    this.offers = offers;
    this.mail = mail;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * Offers the applicant a place: creates their personal link, due as {@link #offerTimes} says, and emails it.
   * Link and email share one transaction, so a failed send leaves no link behind and the retry makes a new one.
   */
  @Transactional
  public OfferTimes offer(long applicationId, Step step) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    boolean fromWaitlist = application.getOutcome() == Outcome.WAITLISTED;
    OfferTimes times = offerTimes(application.getCohort(), clock.instant());
    application.moveTo(ApplicationStatus.OFFERED);
    sendLink(application, times.deadline(), MailTemplate.APPLICATION_ACCEPTED, Map.of("fromWaitlist", fromWaitlist),
        step);
    return times;
  }

  /**
   * When an offer made now is due, and when its reminder goes. The deadline is the cohort's acceptance days away, but
   * no later than the formation of its teams (week 0), when offers and the waitlist close: a place offered late is
   * answered before the teams are made. An offer made once the teams exist (an organiser's late decision) keeps its
   * acceptance days; accepting it asks an organiser to place the Djangonaut in a team. The reminder goes two days
   * before the deadline, or halfway to a shorter one.
   *
   * @param now the instant of the offer (UTC)
   */
  static OfferTimes offerTimes(Cohort cohort, Instant now) {
    Instant deadline = now.plus(Duration.ofDays(cohort.getAcceptanceDays()));
    Instant teamsFormed = cohort.teamsFormAt();
    if (teamsFormed.isAfter(now) && teamsFormed.isBefore(deadline)) {
      deadline = teamsFormed;
    }
    Instant reminderAt = deadline.minus(REMINDER_BEFORE_DEADLINE);
    Instant halfway = now.plus(Duration.between(now, deadline).dividedBy(2));
    return new OfferTimes(deadline, reminderAt.isBefore(halfway) ? halfway : reminderAt);
  }

  /** Reminds an applicant who has not answered, with a fresh link to the same offer and deadline. */
  @Transactional
  public void remind(long applicationId, Step step) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    List<Offer> links = offers.findByApplicationIdOrderByCreatedAt(applicationId);
    Instant deadline = links.get(links.size() - 1).getDeadline();
    sendLink(application, deadline, MailTemplate.OFFER_REMINDER, Map.of(), step);
  }

  private void sendLink(Application application, Instant deadline, MailTemplate template,
      Map<String, Object> extra, Step step) {
    String token = Tokens.newToken();
    offers.save(new Offer(application.getId(), Tokens.hash(token), deadline, clock.instant()));
    Map<String, Object> model = new HashMap<>(extra);
    model.put("name", application.getName());
    model.put("cohort", application.getCohort());
    model.put("project", application.getProject());
    model.put("applicationId", application.getId());
    model.put("offerPath", "/offers/" + token);
    model.put("deadline", deadline.atZone(ZoneOffset.UTC));
    mail.send(application.getEmail(), template, model, step);
  }

  /** What a personal link shows: the offer and whether it can still be answered. */
  @Transactional(readOnly = true)
  public OfferView view(String token) {
    Offer link = link(token);
    Application application = applications.findWithCohort(link.getApplicationId()).orElseThrow();
    return new OfferView(application.getName(), application.getCohort().getName(), application.getProject(),
        link.getDeadline(), state(application, link));
  }

  /**
   * Answers an offer through a personal link and tells the application's process.
   *
   * @throws OfferUnavailableException if the link is unknown, already used, or past its deadline
   */
  @Transactional
  public OfferView answer(String token, boolean accept) {
    Offer link = link(token);
    Application application = applications.findWithCohort(link.getApplicationId()).orElseThrow();
    OfferState state = state(application, link);
    if (state != OfferState.OPEN) {
      throw new OfferUnavailableException(state);
    }
    Instant now = clock.instant();
    String answer = accept ? "accepted" : "declined";
    offers.findByApplicationIdOrderByCreatedAt(application.getId()).forEach(l -> l.answered(answer, now));
    if (!workflow.offerAnswered(application.getId(), accept)) {
      throw new OfferUnavailableException(OfferState.EXPIRED);
    }
    return new OfferView(application.getName(), application.getCohort().getName(), application.getProject(),
        link.getDeadline(), accept ? OfferState.ACCEPTED : OfferState.DECLINED);
  }

  /** The applicant accepted: a Djangonaut of the cohort. */
  @Transactional
  public void confirm(long applicationId) {
    applications.findById(applicationId).orElseThrow().moveTo(ApplicationStatus.CONFIRMED);
  }

  /** The applicant declined: the place goes back to the cohort. */
  @Transactional
  public void decline(long applicationId) {
    release(applicationId, ApplicationStatus.DECLINED);
  }

  /** The deadline passed unanswered: the place goes back to the cohort. */
  @Transactional
  public void expire(long applicationId) {
    release(applicationId, ApplicationStatus.EXPIRED);
  }

  private void release(long applicationId, ApplicationStatus status) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    application.moveTo(status);
    workflow.placeReleased(application.getCohort().getSlug());
  }

  private Offer link(String token) {
    if (!Tokens.looksValid(token)) {
      throw new OfferUnavailableException(OfferState.UNKNOWN);
    }
    return offers.findByTokenHash(Tokens.hash(token))
        .orElseThrow(() -> new OfferUnavailableException(OfferState.UNKNOWN));
  }

  private OfferState state(Application application, Offer link) {
    return switch (application.getStatus()) {
      case CONFIRMED -> OfferState.ACCEPTED;
      case DECLINED -> OfferState.DECLINED;
      case EXPIRED -> OfferState.EXPIRED;
      case OFFERED -> clock.instant().isBefore(link.getDeadline()) ? OfferState.OPEN : OfferState.EXPIRED;
      default -> OfferState.UNKNOWN;
    };
  }

  /** When the offer must be answered and when the reminder goes out; the process's timers read them. */
  public record OfferTimes(Instant deadline, Instant reminderAt) {}

  public record OfferView(String name, String cohortName, String project, Instant deadlineInstant, OfferState state) {
    /** The deadline in UTC, as pages show it. */
    public ZonedDateTime deadline() {
      return deadlineInstant.atZone(ZoneOffset.UTC);
    }
  }

  public enum OfferState {
    OPEN,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    UNKNOWN
  }

  /** The link cannot be used: unknown, answered already, or too late. */
  public static class OfferUnavailableException extends RuntimeException {
    private final OfferState state;

    OfferUnavailableException(OfferState state) {
      super("This offer link cannot be used: " + state.name().toLowerCase());
      this.state = state;
    }

    public OfferState state() {
      return state;
    }
  }
}
