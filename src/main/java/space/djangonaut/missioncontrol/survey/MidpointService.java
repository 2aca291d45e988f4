package space.djangonaut.missioncontrol.survey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.common.Tokens;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.survey.SurveyService.State;
import space.djangonaut.missioncontrol.survey.SurveyService.SurveyUnavailableException;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * The mid-point check (issue 12, fault 4: "struggling pairs are found only in the final survey"): halfway through a
 * team's weeks, each of its Djangonauts, its Navigator and its Captains get a personal link to a two-minute pulse;
 * an answer that signals trouble ({@link #raisesConcern}) opens an organiser's task in the team's process with the
 * team's context; the link closes a week later. The impact report puts the mid-point comfort beside the final one.
 */
@Service
public class MidpointService {

  private final CohortRepository cohorts;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final MidpointCheckRepository checks;
  private final MidpointWorkflow workflow;
  private final MailService mail;
  private final Clock clock;
  private final SurveyFormSchemas schemas;

  MidpointService(CohortRepository cohorts, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, VolunteerRepository volunteers, MidpointCheckRepository checks,
      MidpointWorkflow workflow, MailService mail, Clock clock, SurveyFormSchemas schemas) {
    this.schemas = schemas;
    this.cohorts = cohorts;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
    this.checks = checks;
    this.workflow = workflow;
    this.mail = mail;
    this.clock = clock;
  }

  /**
   * Sends the team's mid-point check: one personal link to each Djangonaut still in the team, to its Navigator and to
   * each of its Captains, once (a retried step sends nothing twice).
   *
   * @return how many were invited now
   */
  @Transactional
  public int open(long teamId, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    Cohort cohort = cohorts.findById(team.getCohortId()).orElseThrow();
    int invited = 0;
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    invited += invite(cohort, team, Respondent.NAVIGATOR, navigator.getId(), navigator.getName(),
        navigator.getEmail(), step);
    Set<Long> captains = new LinkedHashSet<>();
    for (TeamMember member : members.findStayingByTeamId(teamId)) {
      Application djangonaut = applications.findById(member.getApplicationId()).orElseThrow();
      invited += invite(cohort, team, Respondent.DJANGONAUT, djangonaut.getId(), djangonaut.getName(),
          djangonaut.getEmail(), step);
      captains.add(member.getCaptainVolunteerId());
    }
    for (Volunteer captain : volunteers.findAllById(captains)) {
      invited += invite(cohort, team, Respondent.CAPTAIN, captain.getId(), captain.getName(), captain.getEmail(),
          step);
    }
    return invited;
  }

  private int invite(Cohort cohort, Team team, Respondent kind, long referenceId, String name, String email,
      Step step) {
    if (checks.existsByTeamIdAndKindAndReferenceId(team.getId(), kind, referenceId)) {
      return 0;
    }
    String token = Tokens.newToken();
    checks.save(new MidpointCheck(cohort.getId(), team.getId(), kind, referenceId, name, email, Tokens.hash(token),
        clock.instant()));
    Map<String, Object> model = new HashMap<>();
    model.put("name", name);
    model.put("cohort", cohort);
    model.put("volunteer", kind.isVolunteer());
    model.put("midpointPath", "/midpoint/" + token);
    mail.send(email, MailTemplate.MIDPOINT_CHECK, model, step, kind.name() + "/" + referenceId);
    return 1;
  }

  /**
   * Closes the team's mid-point check a week after it went out: its links then say so.
   *
   * @return how many were left unanswered
   */
  @Transactional
  public int close(long teamId) {
    int unanswered = 0;
    for (MidpointCheck check : checks.findByTeamIdOrderById(teamId)) {
      check.close(clock.instant());
      unanswered += check.isAnswered() ? 0 : 1;
    }
    return unanswered;
  }

  /** The check behind a personal link, if it can be answered now. */
  @Transactional(readOnly = true)
  public MidpointView view(String token) {
    MidpointCheck check = usable(token, false);
    return new MidpointView(check.getName(), check.getKind(),
        cohorts.findById(check.getCohortId()).orElseThrow().getName(), check.getCohortId());
  }

  /**
   * Stores the answers of a personal link, once; if they raise a concern, the team's process opens an organiser's
   * task in the same transaction.
   *
   * @throws SurveyUnavailableException if the link is unknown, already answered or closed
   * @return whether the answers raised a concern
   */
  @Transactional
  public boolean answer(String token, MidpointForm form) {
    return answer(token, form, null, null);
  }

  /**
   * Stores the answers of a personal link, once, with the answers to the form's other questions; if the fixed ones
   * raise a concern, the team's process opens an organiser's task in the same transaction.
   *
   * @param others the other questions' answers, validated from the form ({@code FormSchema#validate}), or null
   * @param formVersion the version of {@code midpoint-check} answered, or null
   * @throws SurveyUnavailableException if the link is unknown, already answered or closed
   * @return whether the answers raised a concern
   */
  @Transactional
  public boolean answer(String token, MidpointForm form, com.fasterxml.jackson.databind.node.ObjectNode others,
      Integer formVersion) {
    MidpointCheck check = usable(token, true);
    check.answer(form, clock.instant());
    if (formVersion != null) {
      check.answeredOthers(others == null || others.isEmpty() ? null : others.toString(), formVersion);
    }
    if (!raisesConcern(check)) {
      return false;
    }
    check.concernRaised(clock.instant());
    checks.flush();
    workflow.concernRaised(check.getTeamId(), check.getId());
    return true;
  }

  /**
   * Whether an answer signals trouble and an organiser should follow it up: the team is "not working" for them, they
   * feel less comfortable than before the programme, or they asked an organiser to get in touch (issue 12: "an
   * answer that signals trouble opens an organiser task").
   */
  public static boolean raisesConcern(MidpointCheck check) {
    return check.getTeamFeeling() == TeamFeeling.STRUGGLING || check.getComfort() == Comfort.LESS
        || Boolean.TRUE.equals(check.getWantsContact());
  }

  /**
   * What the organiser's follow-up task shows: who answered what, and the team around them (its Navigator, the
   * Captains and Djangonauts, how the others answered so far without their free text).
   */
  @Transactional(readOnly = true)
  public ConcernContext concern(long midpointCheckId) {
    MidpointCheck check = checks.findById(midpointCheckId).orElseThrow();
    Team team = teams.findById(check.getTeamId()).orElseThrow();
    Cohort cohort = cohorts.findById(check.getCohortId()).orElseThrow();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    String who = check.getName() + " (" + role(check.getKind()) + ", " + check.getEmail() + ")";
    List<String> answers = new ArrayList<>();
    answers.add("How the team works for them: " + label(check.getTeamFeeling()));
    answers.add((check.getKind().isVolunteer() ? "Comfort mentoring" : "Comfort engaging with the community")
        + " compared with before: " + (check.getComfort() == null ? "not answered" : check.getComfort().getLabel()));
    answers.add("Asked an organiser to get in touch: " + (Boolean.TRUE.equals(check.getWantsContact()) ? "yes" : "no"));
    answers.add("What is in the way: " + (check.getInTheWay() == null ? "(nothing written)" : check.getInTheWay()));
    String others = otherAnswers(check);
    if (!others.isEmpty()) {
      answers.add(others);
    }
    List<String> teamLines = new ArrayList<>();
    teamLines.add(team.getName() + " (" + team.getProject() + "), " + cohort.getName());
    teamLines.add("Navigator: " + navigator.getName() + " (" + navigator.getEmail() + ")");
    Map<Long, String> captainNames = volunteers.findAllById(members.findStayingByTeamId(team.getId()).stream()
        .map(TeamMember::getCaptainVolunteerId).collect(Collectors.toSet())).stream()
        .collect(Collectors.toMap(Volunteer::getId, Volunteer::getName));
    for (TeamMember member : members.findStayingByTeamId(team.getId())) {
      applications.findById(member.getApplicationId()).ifPresent(a -> teamLines.add("Djangonaut: " + a.getName()
          + ", Captain " + captainNames.getOrDefault(member.getCaptainVolunteerId(), "?")));
    }
    for (MidpointCheck other : checks.findByTeamIdOrderById(team.getId())) {
      if (!other.getId().equals(check.getId())) {
        teamLines.add("Mid-point of " + other.getName() + " (" + role(other.getKind()) + "): "
            + (other.isAnswered() ? label(other.getTeamFeeling()) : "not answered yet"));
      }
    }
    return new ConcernContext(who, String.join("\n", answers), String.join("\n", teamLines));
  }

  /** Keeps what the organiser did about a concern (checked by the task's form: not blank, at most 4000 characters). */
  @Transactional
  public void followUp(long midpointCheckId, ConcernFollowUp note) {
    checks.findById(midpointCheckId).orElseThrow().followedUp(note.followUp().strip(), clock.instant());
  }

  /** The answers to the questions organisers added, as text (sensitive ones too: the organiser reads them). */
  private String otherAnswers(MidpointCheck check) {
    if (check.getOtherAnswers() == null || check.getFormVersion() == null) {
      return "";
    }
    var answers = FormSchema.storedAnswersTree(check.getOtherAnswers());
    return schemas.version(SurveyForms.MIDPOINT, check.getFormVersion())
        .map(schema -> schema.describe(answers, q -> q.other())).orElse("");
  }

  private MidpointCheck usable(String token, boolean toAnswer) {
    if (!Tokens.looksValid(token)) {
      throw new SurveyUnavailableException(State.UNKNOWN);
    }
    String hash = Tokens.hash(token);
    MidpointCheck check = (toAnswer ? checks.lockByTokenHash(hash) : checks.findByTokenHash(hash))
        .orElseThrow(() -> new SurveyUnavailableException(State.UNKNOWN));
    if (check.isAnswered()) {
      throw new SurveyUnavailableException(State.ANSWERED);
    }
    if (check.isClosed()) {
      throw new SurveyUnavailableException(State.CLOSED);
    }
    return check;
  }

  private static String role(Respondent kind) {
    return switch (kind) {
      case DJANGONAUT -> "Djangonaut";
      case NAVIGATOR -> "Navigator";
      case CAPTAIN -> "Captain";
    };
  }

  private static String label(TeamFeeling feeling) {
    return feeling == null ? "not answered" : feeling.getLabel();
  }

  /** Who a personal link is for, and the cohort whose mid-point form it answers. */
  public record MidpointView(String name, Respondent kind, String cohortName, long cohortId) {}

  /** The follow-up task's read-only fields: who answered, their answers, and the team. */
  public record ConcernContext(String concernFrom, String concernAnswers, String concernTeam) {}
}
