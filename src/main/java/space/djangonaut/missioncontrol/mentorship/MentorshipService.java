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
import space.djangonaut.missioncontrol.common.Roles;
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
  public CheckInContext checkInContext(long teamId, long week) {
    Team team = teams.findById(teamId).orElseThrow();
    return new CheckInContext(team.getName(), team.getProject(), memberNames(teamId), "Week " + week);
  }

  /**
   * Records a team's weekly check-in from the Navigator's form.
   *
   * @throws BadUserRequestException if more Djangonauts attended than the team has
   */
  @Transactional
  public CheckIn recordCheckIn(long cohortId, long teamId, long week, String navigator, CheckInReport report) {
    int attended = report.djangonautsAttended();
    int teamSize = members.findByTeamIdOrderById(teamId).size();
    if (attended > teamSize) {
      throw new BadUserRequestException("djangonautsAttended: the team has " + teamSize + " Djangonauts.");
    }
    String who = report.attendees();
    return checkIns.save(new CheckIn(cohortId, teamId, (int) week, navigator, report.checkInHeld(),
        attended + " of " + teamSize + (who == null ? "" : ": " + who),
        report.ticketsProgressed(), report.ticketsClosed(), report.prReviewComments(), report.presentations(),
        report.blockers(), clock.instant()));
  }

  /** What the Captain's one-to-one form shows. */
  @Transactional(readOnly = true)
  public OneToOneContext oneToOneContext(long applicationId, long week) {
    Application djangonaut = applications.findById(applicationId).orElseThrow();
    TeamMember member = members.findByApplicationId(applicationId).orElseThrow();
    Team team = teams.findById(member.getTeamId()).orElseThrow();
    return new OneToOneContext(djangonaut.getName(), team.getName() + " (" + team.getProject() + ")",
        "Week " + week);
  }

  /** Records a one-to-one from the Captain's form; notes stay with captains and organisers. */
  @Transactional
  public OneToOne recordOneToOne(long cohortId, long applicationId, long week, String captain,
      OneToOneReport report) {
    return oneToOnes.save(new OneToOne(cohortId, applicationId, captain, (int) week, report.oneToOneHeld(),
        report.oneToOneNotes(), clock.instant()));
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
    List<User> organisers = identityService.createUserQuery().memberOfGroup(Roles.ORGANISERS).list();
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
}
