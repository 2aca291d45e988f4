package space.djangonaut.missioncontrol.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/** The feedback survey after the weeks of mentorship: personal links, one answer each, a reminder, closing. */
@Service
public class SurveyService {

  private final CohortRepository cohorts;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final SurveyInvitationRepository invitations;
  private final MailService mail;
  private final Clock clock;

  SurveyService(CohortRepository cohorts, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, VolunteerRepository volunteers, SurveyInvitationRepository invitations,
      MailService mail, Clock clock) {
    this.cohorts = cohorts;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
    this.invitations = invitations;
    this.mail = mail;
    this.clock = clock;
  }

  /**
   * Invites every Djangonaut, Navigator and Captain of the cohort's teams, each once, with a personal link.
   *
   * @return how many were invited
   */
  @Transactional
  public int open(long cohortId, Step step) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    int invited = 0;
    for (Team team : teams.findByCohortIdOrderById(cohortId)) {
      Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
      invited += invite(cohort, Respondent.NAVIGATOR, navigator.getId(), navigator.getName(), navigator.getEmail(),
          step);
      for (TeamMember member : members.findStayingByTeamId(team.getId())) {
        Application djangonaut = applications.findById(member.getApplicationId()).orElseThrow();
        invited += invite(cohort, Respondent.DJANGONAUT, djangonaut.getId(), djangonaut.getName(),
            djangonaut.getEmail(), step);
        Volunteer captain = volunteers.findById(member.getCaptainVolunteerId()).orElseThrow();
        invited += invite(cohort, Respondent.CAPTAIN, captain.getId(), captain.getName(), captain.getEmail(),
            step);
      }
    }
    return invited;
  }

  private int invite(Cohort cohort, Respondent kind, long referenceId, String name, String email,
      Step step) {
    if (invitations.existsByCohortIdAndKindAndReferenceId(cohort.getId(), kind, referenceId)) {
      return 0;
    }
    String token = Tokens.newToken();
    invitations.save(new SurveyInvitation(cohort.getId(), kind, referenceId, name, email, Tokens.hash(token),
        clock.instant()));
    mail.send(email, MailTemplate.SURVEY_INVITATION, model(cohort, name, kind, token), step);
    return 1;
  }

  /**
   * Reminds those who have not answered, once, with a fresh link (the first one keeps working).
   *
   * @return how many were reminded
   */
  @Transactional
  public int remind(long cohortId, Step step) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    int reminded = 0;
    for (SurveyInvitation invitation : invitations.findByCohortIdOrderById(cohortId)) {
      if (invitation.isAnswered() || invitation.isClosed() || invitation.getRemindedAt() != null) {
        continue;
      }
      String token = Tokens.newToken();
      invitation.reminded(Tokens.hash(token), clock.instant());
      mail.send(invitation.getEmail(), MailTemplate.SURVEY_REMINDER,
          model(cohort, invitation.getName(), invitation.getKind(), token), step);
      reminded++;
    }
    return reminded;
  }

  /**
   * Closes the survey: links then say so.
   *
   * @return how many invitations were still unanswered
   */
  @Transactional
  public int close(long cohortId) {
    Instant now = clock.instant();
    int unanswered = 0;
    for (SurveyInvitation invitation : invitations.findByCohortIdOrderById(cohortId)) {
      invitation.close(now);
      if (!invitation.isAnswered()) {
        unanswered++;
      }
    }
    return unanswered;
  }

  /** The survey behind a personal link, if it can be answered now. */
  @Transactional(readOnly = true)
  public SurveyView view(String token) {
    SurveyInvitation invitation = usable(token);
    return new SurveyView(invitation.getName(), invitation.getKind(),
        cohorts.findById(invitation.getCohortId()).orElseThrow().getName(), invitation.getCohortId());
  }

  /**
   * Which answers this respondent still has to give: field name to message. Djangonauts answer the two questions
   * on contributing and the community; volunteers the one on mentoring.
   */
  public Map<String, String> missingAnswers(Respondent kind, SurveyForm form) {
    Map<String, String> missing = new LinkedHashMap<>();
    if (kind.isVolunteer()) {
      if (form.getComfortMentoring() == null) {
        missing.put("comfortMentoring", "Tell us how comfortable you now feel in a mentoring or leadership role.");
      }
    } else {
      if (form.getComfortContributing() == null) {
        missing.put("comfortContributing", "Tell us how comfortable you now feel contributing to Django.");
      }
      if (form.getComfortCommunity() == null) {
        missing.put("comfortCommunity", "Tell us how comfortable you now feel engaging with the Django community.");
      }
    }
    return missing;
  }

  /**
   * Stores the answers of a personal link, once.
   *
   * @throws SurveyUnavailableException if the link is unknown, already answered or the survey closed
   */
  @Transactional
  public void answer(String token, SurveyForm form) {
    answer(token, form, null, null);
  }

  /**
   * Stores the answers of a personal link, once, with the answers to the form's other questions.
   *
   * @param others the other questions' answers, validated from the form ({@code FormSchema#validate}), or null
   * @param formVersion the version of {@code feedback-survey} answered, or null
   * @throws SurveyUnavailableException if the link is unknown, already answered or the survey closed
   */
  @Transactional
  public void answer(String token, SurveyForm form, com.fasterxml.jackson.databind.node.ObjectNode others,
      Integer formVersion) {
    SurveyInvitation invitation = usable(token);
    if (!missingAnswers(invitation.getKind(), form).isEmpty()) {
      throw new IllegalArgumentException("Answers are missing.");
    }
    invitation.answer(form, clock.instant());
    if (formVersion != null) {
      invitation.answeredOthers(others == null || others.isEmpty() ? null : others.toString(), formVersion);
    }
  }

  private SurveyInvitation usable(String token) {
    if (!Tokens.looksValid(token)) {
      throw new SurveyUnavailableException(State.UNKNOWN);
    }
    SurveyInvitation invitation = invitations.findByAnyTokenHash(Tokens.hash(token))
        .orElseThrow(() -> new SurveyUnavailableException(State.UNKNOWN));
    if (invitation.isAnswered()) {
      throw new SurveyUnavailableException(State.ANSWERED);
    }
    if (invitation.isClosed()) {
      throw new SurveyUnavailableException(State.CLOSED);
    }
    return invitation;
  }

  private static Map<String, Object> model(Cohort cohort, String name, Respondent kind, String token) {
    Map<String, Object> model = new HashMap<>();
    model.put("name", name);
    model.put("cohort", cohort);
    model.put("volunteer", kind.isVolunteer());
    model.put("surveyPath", "/survey/" + token);
    return model;
  }

  /** Who a personal link is for, and the cohort whose survey form it answers. */
  public record SurveyView(String name, Respondent kind, String cohortName, long cohortId) {}

  public enum State {
    UNKNOWN,
    ANSWERED,
    CLOSED
  }

  /** The link cannot be used to answer. */
  public static class SurveyUnavailableException extends RuntimeException {
    private final State state;

    SurveyUnavailableException(State state) {
      super("This survey link cannot be used: " + state.name().toLowerCase());
      this.state = state;
    }

    public State state() {
      return state;
    }
  }
}
