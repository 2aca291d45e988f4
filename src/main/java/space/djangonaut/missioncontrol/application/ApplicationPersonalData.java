package space.djangonaut.missioncontrol.application;

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
  private final Clock clock;

  ApplicationPersonalData(ApplicationRepository applications, ReviewRepository reviews, OutboxPersonalData emails,
      ApplicationEventPublisher events, Clock clock) {
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
   * Erases one application: its process instance and history and the address's survey invitations (listeners of
   * {@link ApplicationErased}, told first, while the row still holds the address), its reviews' comments, the
   * emails to its address, then its answers. Joins the caller's transaction.
   */
  void erase(Application application) {
    String address = application.getEmail();
    events.publishEvent(new ApplicationErased(application.getId(), address));
    reviews.findByApplicationIdOrderByReviewedAt(application.getId()).forEach(Review::erase);
    emails.erase(address);
    application.erase(clock.instant());
  }
}
