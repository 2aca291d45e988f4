package space.djangonaut.missioncontrol.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.application.Outcome;
import space.djangonaut.missioncontrol.application.Review;
import space.djangonaut.missioncontrol.application.ReviewRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.mail.OutboxEmail;
import space.djangonaut.missioncontrol.mail.OutboxEmailRepository;
import space.djangonaut.missioncontrol.process.application.ApplicationProcess;
import space.djangonaut.missioncontrol.process.volunteer.VolunteerProcess;
import space.djangonaut.missioncontrol.survey.SurveyInvitation;
import space.djangonaut.missioncontrol.survey.SurveyInvitationRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * People's rights over their data: everything held about an email address, exported or erased on request, and the
 * data of applicants who were not selected erased a while after their cohort ended. Erasure reaches the engine:
 * the person's process instances are removed with their history (task variables held their answers).
 */
@Service
public class PersonalDataService {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataService.class);

  private final ApplicationRepository applications;
  private final ReviewRepository reviews;
  private final VolunteerRepository volunteers;
  private final SurveyInvitationRepository invitations;
  private final OutboxEmailRepository outbox;
  private final CohortRepository cohorts;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final Duration retainUnselected;
  private final Clock clock;

  PersonalDataService(ApplicationRepository applications, ReviewRepository reviews, VolunteerRepository volunteers,
      SurveyInvitationRepository invitations, OutboxEmailRepository outbox, CohortRepository cohorts,
      RuntimeService runtimeService, HistoryService historyService, IdentityService identityService,
      @Value("${missioncontrol.personal-data.retain-unselected:P180D}") Duration retainUnselected, Clock clock) {
    this.applications = applications;
    this.reviews = reviews;
    this.volunteers = volunteers;
    this.invitations = invitations;
    this.outbox = outbox;
    this.cohorts = cohorts;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.retainUnselected = retainUnselected;
    this.clock = clock;
  }

  /** Everything held about this email address (right of access). */
  @Transactional(readOnly = true)
  public Map<String, Object> export(String email) {
    String address = normalise(email);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("email", address);
    List<Map<String, Object>> applied = new ArrayList<>();
    for (Application a : applications.findByEmail(address)) {
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
    data.put("applications", applied);
    data.put("volunteering", volunteers.findByEmail(address).stream().map(v -> Map.of(
        "cohortId", v.getCohortId(), "name", v.getName(), "role", v.getRole().name().toLowerCase(Locale.ROOT),
        "projects", v.getProjects(), "availability", v.getAvailability().describe(), "capacity", v.getCapacity(),
        "status", v.getStatus().name().toLowerCase(Locale.ROOT))).toList());
    data.put("survey", invitations.findByEmail(address).stream().map(i -> {
      Map<String, Object> answers = new LinkedHashMap<>();
      answers.put("cohortId", i.getCohortId());
      answers.put("answeredAt", i.getAnsweredAt());
      answers.put("comfortContributing", i.getComfortContributing());
      answers.put("comfortCommunity", i.getComfortCommunity());
      answers.put("comfortMentoring", i.getComfortMentoring());
      answers.put("wentWell", i.getWentWell());
      answers.put("toImprove", i.getToImprove());
      return answers;
    }).toList());
    data.put("emails", outbox.findByRecipientOrderById(address).stream().map(e -> Map.of(
        "subject", e.getSubject(), "template", e.getTemplate().name(), "status", e.getStatus().name(),
        "writtenAt", e.getCreatedAt())).toList());
    return data;
  }

  /**
   * Erases everything held about this email address (right to erasure): answers, reviewers' comments, volunteer
   * sign-ups and account, survey free text, emails, and the person's process instances with their history.
   *
   * @return how many records were erased
   */
  @Transactional
  public int erase(String email) {
    String address = normalise(email);
    int erased = 0;
    for (Application application : applications.findByEmail(address)) {
      eraseApplication(application);
      erased++;
    }
    for (Volunteer volunteer : volunteers.findByEmail(address)) {
      removeProcess(VolunteerProcess.KEY, volunteer.getId().toString());
      if (volunteer.getUserId() != null) {
        identityService.deleteUser(volunteer.getUserId());
      }
      volunteer.erase(clock.instant());
      erased++;
    }
    for (SurveyInvitation invitation : invitations.findByEmail(address)) {
      invitation.erase();
      erased++;
    }
    for (OutboxEmail sent : outbox.findByRecipientOrderById(address)) {
      sent.erase();
      erased++;
    }
    return erased;
  }

  /**
   * Erases the data of applicants who were rejected or left on the waitlist, once their cohort ended longer ago
   * than the retention time ({@code missioncontrol.personal-data.retain-unselected}). Runs daily.
   *
   * @return how many applications were erased
   */
  @Scheduled(cron = "${missioncontrol.personal-data.erase-cron:0 30 3 * * *}")
  @Transactional
  public int eraseUnselectedAfterRetention() {
    Instant now = clock.instant();
    int erased = 0;
    for (Cohort cohort : cohorts.findAll()) {
      Instant ended = cohort.startsAt().plus(Duration.ofDays(7L * cohort.getWeeks()));
      if (!ended.plus(retainUnselected).isBefore(now)) {
        continue;
      }
      for (Application application : applications.findByCohortIdOrderBySubmittedAt(cohort.getId())) {
        boolean unselected = application.getOutcome() == Outcome.REJECTED
            || application.getStatus() == ApplicationStatus.WAITLIST_CLOSED;
        if (unselected && application.getErasedAt() == null) {
          eraseApplication(application);
          erased++;
        }
      }
    }
    if (erased > 0) {
      LOG.info("Erased the personal data of {} unselected applicants", erased);
    }
    return erased;
  }

  private void eraseApplication(Application application) {
    String address = application.getEmail();
    removeProcess(ApplicationProcess.KEY, application.getId().toString());
    reviews.findByApplicationIdOrderByReviewedAt(application.getId()).forEach(Review::erase);
    outbox.findByRecipientOrderById(address).forEach(OutboxEmail::erase);
    invitations.findByEmail(address).forEach(SurveyInvitation::erase);
    application.erase(clock.instant());
  }

  /** The process instance and its history: task variables and their history held the person's answers. */
  private void removeProcess(String processKey, String businessKey) {
    runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).list()
        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "personal data erased", true, true));
    historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
        .processInstanceBusinessKey(businessKey).list()
        .forEach(hpi -> historyService.deleteHistoricProcessInstance(hpi.getId()));
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
