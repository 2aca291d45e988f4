package space.djangonaut.missioncontrol.mentorship;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.config.GroupsAndFilters;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/** The eight weeks: what Navigators record of check-ins, what Captains record of one-to-ones, and nudges. */
@Service
public class MentorshipService {

  public static final String CHECK_IN_HELD = "checkInHeld";
  public static final String DJANGONAUTS_ATTENDED = "djangonautsAttended";
  public static final String ATTENDEES = "attendees";
  public static final String TICKETS_PROGRESSED = "ticketsProgressed";
  public static final String TICKETS_CLOSED = "ticketsClosed";
  public static final String PR_REVIEW_COMMENTS = "prReviewComments";
  public static final String PRESENTATIONS = "presentations";
  public static final String BLOCKERS = "blockers";
  public static final String ONE_TO_ONE_HELD = "oneToOneHeld";
  public static final String ONE_TO_ONE_NOTES = "oneToOneNotes";
  private static final int MAX_TEXT = 4000;
  private static final int MAX_COUNT = 1000;

  private final CohortRepository cohorts;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final CheckInRepository checkIns;
  private final OneToOneRepository oneToOnes;
  private final MailService mail;
  private final IdentityService identityService;
  private final Clock clock;

  MentorshipService(CohortRepository cohorts, TeamRepository teams, TeamMemberRepository members, ApplicationRepository applications,
      VolunteerRepository volunteers, CheckInRepository checkIns, OneToOneRepository oneToOnes, MailService mail,
      IdentityService identityService, Clock clock) {
    this.cohorts = cohorts;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
    this.checkIns = checkIns;
    this.oneToOnes = oneToOnes;
    this.mail = mail;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** What the Navigator's check-in form shows: the team and who is in it. */
  @Transactional(readOnly = true)
  public Map<String, Object> checkInContext(long teamId, long week) {
    Team team = teams.findById(teamId).orElseThrow();
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("teamName", team.getName());
    context.put("teamProject", team.getProject());
    context.put("teamMembers", memberNames(teamId));
    context.put("weekLabel", "Week " + week);
    return context;
  }

  /**
   * Records a team's weekly check-in from the Navigator's form.
   *
   * @throws BadUserRequestException naming the field that is missing or out of range
   */
  @Transactional
  public CheckIn recordCheckIn(long cohortId, long teamId, long week, String navigator, Map<String, Object> form) {
    boolean held = flag(form, CHECK_IN_HELD);
    int attended = count(form, DJANGONAUTS_ATTENDED);
    int teamSize = members.findByTeamIdOrderById(teamId).size();
    if (attended > teamSize) {
      throw new BadUserRequestException(DJANGONAUTS_ATTENDED + ": the team has " + teamSize + " Djangonauts.");
    }
    String who = text(form, ATTENDEES);
    if (who != null && who.length() > 900) {
      throw new BadUserRequestException(ATTENDEES + ": keep this to 900 characters.");
    }
    return checkIns.save(new CheckIn(cohortId, teamId, (int) week, navigator, held,
        attended + " of " + teamSize + (who == null ? "" : ": " + who),
        count(form, TICKETS_PROGRESSED), count(form, TICKETS_CLOSED), count(form, PR_REVIEW_COMMENTS),
        count(form, PRESENTATIONS), text(form, BLOCKERS), clock.instant()));
  }

  /** What the Captain's one-to-one form shows. */
  @Transactional(readOnly = true)
  public Map<String, Object> oneToOneContext(long applicationId, long week) {
    Application djangonaut = applications.findById(applicationId).orElseThrow();
    TeamMember member = members.findByApplicationId(applicationId).orElseThrow();
    Team team = teams.findById(member.getTeamId()).orElseThrow();
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("djangonautName", djangonaut.getName());
    context.put("teamName", team.getName() + " (" + team.getProject() + ")");
    context.put("weekLabel", "Week " + week);
    return context;
  }

  /** Records a one-to-one from the Captain's form; notes stay with captains and organisers. */
  @Transactional
  public OneToOne recordOneToOne(long cohortId, long applicationId, long week, String captain,
      Map<String, Object> form) {
    return oneToOnes.save(new OneToOne(cohortId, applicationId, captain, (int) week, flag(form, ONE_TO_ONE_HELD),
        text(form, ONE_TO_ONE_NOTES), clock.instant()));
  }

  /** The check-in of the week is overdue: reminds the team's Navigator. */
  @Transactional
  public void remindNavigator(long teamId, long week, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    mail.send(navigator.getEmail(), MailTemplate.CHECK_IN_REMINDER, model(team, navigator.getName(), week),
        step);
  }

  /** The check-in is still not recorded a week after its reminder: tells every organiser. */
  @Transactional
  public int escalateToOrganisers(long teamId, long week, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    List<User> organisers = identityService.createUserQuery().memberOfGroup(GroupsAndFilters.ORGANISERS).list();
    int sent = 0;
    for (User organiser : organisers) {
      if (organiser.getEmail() != null && !organiser.getEmail().isBlank()) {
        Map<String, Object> model = model(team, organiser.getFirstName(), week);
        model.put("navigatorName", navigator.getName());
        mail.send(organiser.getEmail(), MailTemplate.CHECK_IN_ESCALATION, model, step);
        sent++;
      }
    }
    return sent;
  }

  private Map<String, Object> model(Team team, String name, long week) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", name);
    model.put("cohort", cohorts.findById(team.getCohortId()).orElseThrow());
    model.put("teamName", team.getName());
    model.put("week", week);
    return model;
  }

  private String memberNames(long teamId) {
    return members.findByTeamIdOrderById(teamId).stream()
        .map(m -> applications.findById(m.getApplicationId()).map(Application::getName).orElse("?"))
        .collect(Collectors.joining(", "));
  }

  private static boolean flag(Map<String, Object> form, String field) {
    Object value = form.get(field);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  private static int count(Map<String, Object> form, String field) {
    Object value = form.get(field);
    if (value == null || value.toString().isBlank()) {
      return 0;
    }
    long n;
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      n = number.longValue();
    } else if (value.toString().strip().matches("\\d{1,4}")) {
      n = Long.parseLong(value.toString().strip());
    } else {
      throw new BadUserRequestException(field + ": give a whole number, 0 or more.");
    }
    if (n < 0 || n > MAX_COUNT) {
      throw new BadUserRequestException(field + ": give a whole number from 0 to " + MAX_COUNT + ".");
    }
    return (int) n;
  }

  private static String text(Map<String, Object> form, String field) {
    Object value = form.get(field);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    if (text.length() > MAX_TEXT) {
      throw new BadUserRequestException(field + ": keep this to " + MAX_TEXT + " characters.");
    }
    return text;
  }
}
