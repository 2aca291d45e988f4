package space.djangonaut.missioncontrol.mentorship;

import java.time.Clock;
import java.util.ArrayList;
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
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.Roles;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.team.Team;
import space.djangonaut.missioncontrol.team.TeamMember;
import space.djangonaut.missioncontrol.team.TeamMemberRepository;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.team.TeamRoster;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * The weeks of mentorship: what Navigators record of check-ins, what Captains record of one-to-ones, the reminders of
 * what is overdue, and closing as "not recorded" what still is a week later.
 */
@Service
public class MentorshipService {

  private final CohortRepository cohorts;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final CheckInRepository checkIns;
  private final ContributionRepository contributions;
  private final OneToOneRepository oneToOnes;
  private final MailService mail;
  private final IdentityService identityService;
  private final Clock clock;
  private final TeamRoster rosters;

  MentorshipService(CohortRepository cohorts, TeamRepository teams, TeamMemberRepository members, ApplicationRepository applications,
      VolunteerRepository volunteers, CheckInRepository checkIns, OneToOneRepository oneToOnes, MailService mail,
      IdentityService identityService, Clock clock, TeamRoster rosters, ContributionRepository contributions) {
    this.contributions = contributions;
    this.rosters = rosters;
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
   * Records a team's weekly check-in from the Navigator's form, with a row per ticket or pull request it lists.
   *
   * @throws BadUserRequestException if more Djangonauts attended than the team has, or a line of
   *     {@code contributions} cannot be read ({@link ContributionLines#parse}); nothing is recorded then
   */
  @Transactional
  public CheckIn recordCheckIn(long cohortId, long teamId, long week, String navigator, CheckInReport report) {
    int attended = report.djangonautsAttended();
    List<TeamMember> staying = members.findStayingByTeamId(teamId);
    int teamSize = staying.size();
    if (attended > teamSize) {
      throw new BadUserRequestException("djangonautsAttended: the team has " + teamSize + " Djangonauts.");
    }
    List<ContributionLines.Line> lines = ContributionLines.parse(report.contributions(), staying.stream()
        .map(m -> new ContributionLines.Djangonaut(m.getApplicationId(), djangonautName(m.getApplicationId())))
        .toList());
    String who = report.attendees();
    CheckIn checkIn = checkIns.save(CheckIn.withLinks(cohortId, teamId, (int) week, navigator, report.checkInHeld(),
        attended + " of " + teamSize + (who == null ? "" : ": " + who), lines, report.prReviewComments(),
        report.presentations(), report.blockers(), clock.instant()));
    contributions.saveAll(lines.stream().map(line -> new Contribution(checkIn, line)).toList());
    return checkIn;
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

  /**
   * Records a one-to-one from the Captain's form; notes stay with captains and organisers. Nothing is recorded for a
   * Djangonaut who withdrew: their open one-to-ones are closed when they leave, and are neither held, not held nor
   * "not recorded" (the report counts the withdrawal instead).
   *
   * @return the one-to-one recorded, or null for a Djangonaut who withdrew
   */
  @Transactional
  public OneToOne recordOneToOne(long cohortId, long applicationId, long week, String captain,
      OneToOneReport report) {
    if (applications.findById(applicationId).map(a -> a.getStatus() == ApplicationStatus.WITHDRAWN).orElse(true)) {
      return null;
    }
    return oneToOnes.save(new OneToOne(cohortId, applicationId, captain, (int) week, report.oneToOneHeld(),
        report.oneToOneNotes(), clock.instant()));
  }

  /**
   * The check-in of the week is overdue: reminds the team's Navigator, with the team's Captains (whose Captain each
   * is) and how to reach them.
   */
  @Transactional
  public void remindNavigator(long teamId, long week, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    Map<String, Object> model = model(team, navigator.getName(), week);
    model.put("captainLines", rosters.of(teamId).captainLines());
    mail.send(navigator.getEmail(), MailTemplate.CHECK_IN_REMINDER, model, step);
  }

  /**
   * The check-in is still not recorded a week after its reminder: tells every organiser, with the Navigator's
   * address (organisers hold it whether or not the Navigator shared it with the team) and chat handle if shared.
   */
  @Transactional
  public int escalateToOrganisers(long teamId, long week, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    return toOrganisers(MailTemplate.CHECK_IN_ESCALATION, team, week, Map.of("navigatorName", navigator.getName(),
        "navigatorReach", organisersReach(navigator)), step);
  }

  /** How organisers reach a volunteer: their address, and the chat handle they shared if any. */
  private String organisersReach(Volunteer volunteer) {
    return volunteer.getEmail() + (volunteer.isShareContact() && volunteer.getChatHandle() != null
        ? ", chat: " + volunteer.getChatHandle() : "");
  }

  /**
   * Closes a check-in nobody recorded a week after its reminder: it is kept as "not recorded" (the impact report
   * counts it apart from check-ins recorded as not held) and every organiser is told. A check-in recorded in the
   * meantime stays as it is.
   *
   * @return whether the check-in was closed as not recorded
   */
  @Transactional
  public boolean closeCheckIn(long cohortId, long teamId, long week, Step step) {
    if (checkIns.existsByTeamIdAndWeek(teamId, (int) week)) {
      return false;
    }
    Team team = teams.findById(teamId).orElseThrow();
    checkIns.save(CheckIn.notRecorded(cohortId, teamId, (int) week,
        userIdOrName(volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow()), clock.instant()));
    escalateToOrganisers(teamId, week, step);
    return true;
  }

  /**
   * The week's one-to-ones are due and some are not recorded: each Captain concerned gets one reminder naming their
   * Djangonauts, with how to reach them and the team's Navigator (as each agreed to share it).
   *
   * @return the number of Captains reminded
   */
  @Transactional
  public int remindCaptains(long teamId, long week, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    TeamRoster.Roster roster = rosters.of(teamId);
    Map<Long, List<String>> openByCaptain = new LinkedHashMap<>();
    for (TeamMember member : openOneToOnes(teamId, week)) {
      openByCaptain.computeIfAbsent(member.getCaptainVolunteerId(), id -> new ArrayList<>())
          .add(djangonautName(member.getApplicationId()));
    }
    openByCaptain.forEach((captainId, djangonauts) -> {
      Volunteer captain = volunteers.findById(captainId).orElseThrow();
      Map<String, Object> model = model(team, captain.getName(), week);
      model.put("djangonauts", djangonauts);
      model.put("navigatorLine", roster.navigatorLine());
      model.put("djangonautLines", roster.djangonauts().stream()
          .filter(d -> d.captainName().equals(captain.getName()) && djangonauts.contains(d.person().name()))
          .map(d -> d.person().name() + ": " + d.person().contact().describe()).toList());
      mail.send(captain.getEmail(), MailTemplate.ONE_TO_ONE_REMINDER, model, step);
    });
    return openByCaptain.size();
  }

  /**
   * Closes the week's one-to-ones nobody recorded a week after their reminder: each is kept as "not recorded" and
   * every organiser is told which, with each Captain's address.
   *
   * @return the number of one-to-ones closed as not recorded
   */
  @Transactional
  public int closeOneToOnes(long cohortId, long teamId, long week, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    List<String> missing = new ArrayList<>();
    for (TeamMember member : openOneToOnes(teamId, week)) {
      Volunteer captain = volunteers.findById(member.getCaptainVolunteerId()).orElseThrow();
      oneToOnes.save(OneToOne.notRecorded(cohortId, member.getApplicationId(), userIdOrName(captain), (int) week,
          clock.instant()));
      missing.add(djangonautName(member.getApplicationId()) + " (Captain " + captain.getName() + ", "
          + organisersReach(captain) + ")");
    }
    if (!missing.isEmpty()) {
      toOrganisers(MailTemplate.ONE_TO_ONE_ESCALATION, team, week, Map.of("missing", missing), step);
    }
    return missing.size();
  }

  /**
   * A Djangonaut of the team withdrew: their Navigator and their Captain are told, by name, or as "one of your
   * Djangonauts" when the withdrawal came with the erasure of their data (nothing of them goes into emails to others).
   *
   * @return the number of emails written (2, or 1 when the Navigator is also their Captain)
   */
  @Transactional
  public int tellTeamOfWithdrawal(long teamId, long applicationId, Step step) {
    Team team = teams.findById(teamId).orElseThrow();
    Application djangonaut = applications.findById(applicationId).orElseThrow();
    TeamMember member = members.findByApplicationId(applicationId).orElseThrow();
    Map<String, Volunteer> told = new LinkedHashMap<>();
    for (Long volunteerId : List.of(team.getNavigatorVolunteerId(), member.getCaptainVolunteerId())) {
      Volunteer volunteer = volunteers.findById(volunteerId).orElseThrow();
      told.putIfAbsent(volunteer.getEmail(), volunteer);
    }
    String who = djangonaut.getErasedAt() != null ? null : djangonaut.getName();
    for (Volunteer volunteer : told.values()) {
      Map<String, Object> model = model(team, volunteer.getName(), 0);
      model.remove("week");
      model.put("djangonautName", who);
      mail.send(volunteer.getEmail(), MailTemplate.DJANGONAUT_WITHDREW, model, step);
    }
    return told.size();
  }

  private List<TeamMember> openOneToOnes(long teamId, long week) {
    return members.findStayingByTeamId(teamId).stream()
        .filter(m -> !oneToOnes.existsByApplicationIdAndWeek(m.getApplicationId(), (int) week)).toList();
  }

  private int toOrganisers(MailTemplate template, Team team, long week, Map<String, Object> extra, Step step) {
    List<User> organisers = identityService.createUserQuery().memberOfGroup(Roles.ORGANISERS).list();
    int sent = 0;
    for (User organiser : organisers) {
      if (organiser.getEmail() != null && !organiser.getEmail().isBlank()) {
        Map<String, Object> model = model(team, organiser.getFirstName(), week);
        model.putAll(extra);
        mail.send(organiser.getEmail(), template, model, step);
        sent++;
      }
    }
    return sent;
  }

  private String djangonautName(long applicationId) {
    return applications.findById(applicationId).map(Application::getName).orElse("?");
  }

  private static String userIdOrName(Volunteer volunteer) {
    return volunteer.getUserId() != null ? volunteer.getUserId() : volunteer.getName();
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
    return members.findStayingByTeamId(teamId).stream()
        .map(m -> applications.findById(m.getApplicationId()).map(Application::getName).orElse("?"))
        .collect(Collectors.joining(", "));
  }
}
