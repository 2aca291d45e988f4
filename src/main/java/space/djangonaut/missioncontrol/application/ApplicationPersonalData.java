package space.djangonaut.missioncontrol.application;

import java.util.EnumSet;
import java.util.Set;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.mail.OutboxPersonalData;
import space.djangonaut.missioncontrol.privacy.Mentions;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.privacy.PersonalDataHolder;

/**
 * The applications made with an address, with their reviews: exported in full, erased by blanking the applicant's
 * answers and the reviewers' comments (status, scores and project stay, for the programme's counts). Section
 * {@code applications}, first in the export and in an erasure.
 *
 * <p>Erasing an application also erases the emails written to its address and, through {@link ApplicationErased},
 * the survey invitations of that address and the application's process instance with its history: an applicant
 * erased after the retention time leaves nothing behind either. Those records are counted as part of the application.
 */
@Component
@Order(10)
class ApplicationPersonalData implements PersonalDataHolder {

  private final ApplicationRepository applications;
  private final ReviewRepository reviews;
  private final OutboxPersonalData emails;
  private final ApplicationEventPublisher events;
  private final WithdrawalService withdrawals;
  private final Clock clock;
  private final VolunteerRepository volunteers;

  ApplicationPersonalData(ApplicationRepository applications, ReviewRepository reviews, OutboxPersonalData emails,
      ApplicationEventPublisher events, WithdrawalService withdrawals, Clock clock, VolunteerRepository volunteers) {
    this.volunteers = volunteers;
    this.withdrawals = withdrawals;
    this.applications = applications;
    this.reviews = reviews;
    this.emails = emails;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String section() {
    return "applications";
  }

  /**
   * Per application: the cohort's name, every answer, the status, the aggregate score, the outcome and the reviews
   * ({@code total}, {@code recommendation}, {@code comment}).
   */
  @Override
  public List<Map<String, Object>> export(String email) {
    List<Map<String, Object>> applied = new ArrayList<>();
    for (Application a : applications.findByEmail(email)) {
      Map<String, Object> application = new LinkedHashMap<>();
      application.put("id", a.getId());
      application.put("cohort", a.getCohort().getName());
      application.put("submittedAt", a.getSubmittedAt());
      application.put("name", a.getName());
      application.put("pronouns", a.getPronouns());
      application.put("timezone", a.getTimezone());
      application.put("availability", a.getAvailability().describe());
      application.put("hoursPerWeek", a.getHoursPerWeek());
      application.put("djangoExperience", a.getDjangoExperience().getLabel());
      application.put("experienceDetails", a.getExperienceDetails());
      application.put("motivation", a.getMotivation());
      application.put("project", a.getProject());
      application.put("contributionUrl", a.getContributionUrl());
      application.put("sharesContactWithTeam", a.isShareContact());
      application.put("chatHandle", a.getChatHandle());
      application.put("applicationFormVersion", a.getFormVersion());
      // Every one of them, sensitive ones too.
      application.put("otherAnswers", FormSchema.storedAnswers(a.getOtherAnswers()));
      application.put("status", a.getStatus().name().toLowerCase(Locale.ROOT));
      application.put("aggregateScore", a.getAggregateScore());
      application.put("outcome", a.getOutcome() == null ? null : a.getOutcome().variableValue());
      application.put("reviews", reviews.findByApplicationIdOrderByReviewedAt(a.getId()).stream()
          .map(r -> Map.of("total", r.total(), "recommendation", r.getRecommendation().name().toLowerCase(Locale.ROOT),
              "comment", r.getComment() == null ? "" : r.getComment()))
          .toList());
      applied.add(application);
    }
    return applied;
  }

  /**
   * Erases every application made with this address, with everything that goes with it (see the class comment).
   *
   * @return how many applications were erased (their reviews, emails and invitations are not counted apart)
   */
  @Override
  public int erase(String email) {
    List<Application> applied = applications.findByEmail(email);
    applied.forEach(this::erase);
    return applied.size();
  }

  /**
   * Erases one application. First the person leaves whatever they are still part of, through the same path as a
   * withdrawal ({@link WithdrawalService#withdraw}): an application in review leaves it and the cohort counts again
   * (so the ranking never waits for it), a place goes back to the cohort, a Djangonaut leaves their team's process
   * (their open one-to-ones closed, their Navigator and Captain told without their name). Then the listeners of
   * {@link ApplicationErased}, told while the row still holds the name and address, remove its process instance and
   * history, the address's survey invitations, and the mentions of the person in other instances' variables and in
   * notes about them; its reviews' comments, the emails to its address and their mentions in emails to others go,
   * then its answers.
   *
   * <p>What is kept, and why: the application's row with its status ({@code withdrawn} if they left now), scores,
   * project and ranking, the team membership (application id only), and the check-ins and one-to-ones as counts
   * (held, not held, not recorded): the impact report and the selection's figures need them, and none of them says who
   * the person was. An email to others keeps its template, recipient and everything but the mentions.
   * Joins the caller's transaction.
   */
  void erase(Application application) {
    erase(application, false);
  }

  /**
   * As {@link #erase(Application)}, but for a person who keeps another role under the same address (a later
   * application, a Navigator's or Captain's sign-up, see {@link #inUseElsewhere}): only this application's emails go
   * (an applicant's templates whose subject names this application's cohort), and the mentions of the person in
   * emails to others stay, since those are about their other role. Their other emails keep their personal links.
   */
  void eraseThisApplicationOnly(Application application) {
    erase(application, true);
  }

  private void erase(Application application, boolean addressStaysInUse) {
    String address = application.getEmail();
    String name = application.getName();
    withdrawals.withdraw(application);
    events.publishEvent(new ApplicationErased(application.getId(), address, name, application.getCohort().getId(),
        application.getCohort().getSlug()));
    reviews.findByApplicationIdOrderByReviewedAt(application.getId()).forEach(Review::erase);
    if (addressStaysInUse) {
      Map<String, Object> ofCohort = Map.of("cohort", application.getCohort());
      emails.erase(address, APPLICANT_TEMPLATES, application.getCohort().getId(),
          subject -> APPLICANT_TEMPLATES.stream().anyMatch(t -> t.subject(ofCohort).equals(subject)));
    } else {
      emails.erase(address);
      emails.scrubMentions(Mentions.of(name, address));
    }
    application.erase(clock.instant());
  }

  /** The emails an applicant gets as an applicant, before any team. */
  static final Set<MailTemplate> APPLICANT_TEMPLATES = EnumSet.of(MailTemplate.APPLICATION_RECEIVED,
      MailTemplate.APPLICATION_ACCEPTED, MailTemplate.OFFER_REMINDER, MailTemplate.PLACE_CONFIRMED,
      MailTemplate.APPLICATION_WAITLISTED, MailTemplate.WAITLIST_CLOSED, MailTemplate.APPLICATION_REJECTED);

  /**
   * Whether the person behind this application still takes part under its address otherwise: another application
   * not erased, or a Navigator's or Captain's sign-up not erased.
   */
  boolean inUseElsewhere(Application application) {
    String address = application.getEmail();
    return applications.findByEmail(address).stream()
        .anyMatch(other -> !other.getId().equals(application.getId()) && other.getErasedAt() == null)
        || !volunteers.findByEmail(address).isEmpty();
  }
}
