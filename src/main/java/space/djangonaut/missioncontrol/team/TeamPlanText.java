package space.djangonaut.missioncontrol.team;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.team.TeamFormation.Problem;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/** A cohort's teams as text an organiser reads in Task_ConfirmTeams ({@code forms/confirm-teams.form}). */
@Service
public class TeamPlanText {

  /** The engine keeps string variables of up to 4000 characters; a longer text is cut with a note. */
  static final int MAX_VARIABLE_TEXT = 3900;

  private final TeamService teamService;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final CohortRepository cohorts;

  TeamPlanText(TeamService teamService, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, VolunteerRepository volunteers, CohortRepository cohorts) {
    this.cohorts = cohorts;
    this.teamService = teamService;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
  }

  /**
   * What the form shows: the teams and what could not be satisfied, each cut to what the engine can keep, and the
   * cohort's team page.
   */
  @Transactional(readOnly = true)
  public TeamPlanView forOrganiser(long cohortId) {
    return new TeamPlanView(fit(planText(cohortId)), fit(problemsText(cohortId)),
        teamsPage(cohorts.findById(cohortId).orElseThrow().getSlug()));
  }

  /** The path of a cohort's team page, where organisers change the proposed teams ({@link TeamPageController}). */
  public static String teamsPage(String slug) {
    return "/organiser/cohorts/" + slug + "/teams";
  }

  /** The teams as the organiser reads them in Task_ConfirmTeams. */
  @Transactional(readOnly = true)
  String planText(long cohortId) {
    Map<Long, String> names = volunteerNames(cohortId);
    StringBuilder text = new StringBuilder();
    for (Team team : teams.findByCohortIdOrderById(cohortId)) {
      text.append(team.getName()).append(" (").append(team.getProject()).append("), Navigator ")
          .append(names.get(team.getNavigatorVolunteerId())).append('\n');
      for (TeamMember member : members.findStayingByTeamId(team.getId())) {
        Application a = applications.findById(member.getApplicationId()).orElseThrow();
        text.append("  #").append(a.getId()).append(' ').append(a.getName()).append(", ranked ")
            .append(a.getRanking()).append(", Captain ").append(names.get(member.getCaptainVolunteerId()))
            .append('\n');
      }
    }
    return text.isEmpty() ? "No teams could be formed." : text.toString();
  }

  @Transactional(readOnly = true)
  String problemsText(long cohortId) {
    List<Problem> problems = teamService.problems(cohortId);
    return problems.isEmpty() ? "None: every rule holds."
        : problems.stream().map(p -> "- " + p.message()).collect(Collectors.joining("\n"));
  }

  /** The text, cut at a line end to what the engine keeps in a string variable, with a note when cut. */
  public static String fit(String text) {
    return text.length() <= MAX_VARIABLE_TEXT ? text
        : text.substring(0, text.lastIndexOf('\n', MAX_VARIABLE_TEXT) + 1) + "... and more: see the cohort's teams page.";
  }

  private Map<Long, String> volunteerNames(long cohortId) {
    Map<Long, String> names = new HashMap<>();
    volunteers.findByCohortIdOrderBySubmittedAt(cohortId).forEach(v -> names.put(v.getId(), v.getName()));
    return names;
  }
}
