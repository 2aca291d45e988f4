package space.djangonaut.missioncontrol.team;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.WithdrawalService;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;
import space.djangonaut.missioncontrol.volunteer.VolunteerStatus;

/**
 * The welcome each team gets once an organiser confirmed the teams: who is in it, whose Captain each Captain is and
 * how to reach everyone ({@link TeamRoster}), and the week-0 preparation. An
 * approved Navigator or Captain left without Djangonauts hears it too, rather than nothing. Each
 * Djangonaut's copy carries their personal link to withdraw.
 */
@Service
public class TeamWelcome {

  private final CohortRepository cohorts;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final MailService mail;
  private final WithdrawalService withdrawals;
  private final TeamRoster rosters;

  TeamWelcome(CohortRepository cohorts, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, VolunteerRepository volunteers, MailService mail,
      WithdrawalService withdrawals, TeamRoster rosters) {
    this.rosters = rosters;
    this.withdrawals = withdrawals;
    this.cohorts = cohorts;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
    this.mail = mail;
  }

  /**
   * Sends each team's welcome with the week-0 preparation, to its Djangonauts, Navigator and Captains, and tells
   * each approved volunteer who is in no team.
   *
   * @return the number of emails sent
   */
  @Transactional
  public int send(long cohortId, Step step) {
    int sent = 0;
    List<Team> formed = teams.findByCohortIdOrderById(cohortId);
    Set<Long> placed = new HashSet<>();
    for (Team team : formed) {
      sent += welcome(team, null, step);
      placed.add(team.getNavigatorVolunteerId());
      members.findByTeamIdOrderById(team.getId()).forEach(m -> placed.add(m.getCaptainVolunteerId()));
    }
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    for (Volunteer volunteer : volunteers.findByCohortIdAndStatusOrderBySubmittedAt(cohortId,
        VolunteerStatus.APPROVED)) {
      if (!placed.contains(volunteer.getId())) {
        mail.send(volunteer.getEmail(), MailTemplate.VOLUNTEER_WITHOUT_TEAM, Map.of("name", volunteer.getName(),
            "cohort", cohort, "role", volunteer.getRole() == VolunteerRole.NAVIGATOR ? "Navigator" : "Captain"),
            step);
        sent++;
      }
    }
    return sent;
  }

  /**
   * Welcomes a Djangonaut placed in a team after the teams were formed: the team's welcome goes to them, to the
   * team's Navigator and to their Captain (not again to the others).
   *
   * @return the number of emails sent
   */
  @Transactional
  public int welcomeLateMember(long applicationId, Step step) {
    TeamMember member = members.findByApplicationId(applicationId).orElseThrow();
    return welcome(teams.findById(member.getTeamId()).orElseThrow(), member, step);
  }

  /** The team's welcome, to everyone in it, or only to a late member, their Navigator and their Captain. */
  private int welcome(Team team, TeamMember lateMember, Step step) {
    Cohort cohort = cohorts.findById(team.getCohortId()).orElseThrow();
    int sent = 0;
    List<TeamMember> teamMembers = members.findStayingByTeamId(team.getId());
    List<Application> djangonauts = teamMembers.stream()
        .map(m -> applications.findById(m.getApplicationId()).orElseThrow()).toList();
    Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
    List<Volunteer> captains = teamMembers.stream().map(TeamMember::getCaptainVolunteerId).distinct()
        .map(id -> volunteers.findById(id).orElseThrow()).toList();
    Map<String, Long> djangonautIds = new HashMap<>();
    djangonauts.forEach(a -> djangonautIds.put(a.getEmail(), a.getId()));
    Map<String, String> recipients = new LinkedHashMap<>();
    if (lateMember == null) {
      djangonauts.forEach(a -> recipients.putIfAbsent(a.getEmail(), a.getName()));
      recipients.putIfAbsent(navigator.getEmail(), navigator.getName());
      captains.forEach(c -> recipients.putIfAbsent(c.getEmail(), c.getName()));
    } else {
      Application late = applications.findById(lateMember.getApplicationId()).orElseThrow();
      Volunteer captain = volunteers.findById(lateMember.getCaptainVolunteerId()).orElseThrow();
      recipients.put(late.getEmail(), late.getName());
      recipients.putIfAbsent(navigator.getEmail(), navigator.getName());
      recipients.putIfAbsent(captain.getEmail(), captain.getName());
    }
    TeamRoster.Roster roster = rosters.of(team.getId());
    for (var recipient : recipients.entrySet()) {
      Map<String, Object> model = new HashMap<>();
      model.put("name", recipient.getValue());
      model.put("cohort", cohort);
      model.put("teamName", team.getName());
      model.put("project", team.getProject());
      model.put("navigatorName", navigator.getName());
      model.put("djangonauts", djangonauts.stream().map(Application::getName).toList());
      model.put("captains", captains.stream().map(Volunteer::getName).toList());
      // Who is whose Captain and how to reach each person, as they agreed to share it (the roster).
      model.put("navigatorContact", roster.navigator().contact().describe());
      model.put("captainLines", roster.captainLines());
      model.put("djangonautLines", roster.djangonautLines());
      Long djangonautId = djangonautIds.get(recipient.getKey());
      if (djangonautId != null) {
        model.put("withdrawPath", withdrawals.newLinkPath(djangonautId));
      }
      mail.send(recipient.getKey(), MailTemplate.TEAM_WELCOME, model, step, "team-" + team.getId());
      sent++;
    }
    return sent;
  }
}
