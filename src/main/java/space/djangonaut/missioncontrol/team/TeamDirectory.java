package space.djangonaut.missioncontrol.team;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * Who is in which team, for the multi-instances and assignees of {@code cohort.bpmn} and {@code team.bpmn}
 * (e.g. {@code ${teamDirectory.navigatorOf(teamId)}}). Tasks go to the volunteer's own Camunda account, so
 * Navigators and Captains find only their own teams' work.
 */
@Component("teamDirectory")
public class TeamDirectory {

  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final VolunteerRepository volunteers;
  private final ApplicationRepository applications;

  TeamDirectory(TeamRepository teams, TeamMemberRepository members, VolunteerRepository volunteers,
      ApplicationRepository applications) {
    this.teams = teams;
    this.members = members;
    this.volunteers = volunteers;
    this.applications = applications;
  }

  @Transactional(readOnly = true)
  public List<Long> teamIds(long cohortId) {
    return teams.findByCohortIdOrderById(cohortId).stream().map(Team::getId).toList();
  }

  /** The application ids of the cohort's Djangonauts in teams, but for those who withdrew. */
  @Transactional(readOnly = true)
  public List<Long> djangonautIds(long cohortId) {
    return members.findByTeamIdIn(teamIds(cohortId)).stream().filter(m -> !hasLeft(m))
        .map(TeamMember::getApplicationId).sorted().toList();
  }

  /**
   * The application ids of one team's Djangonauts, for its one-to-ones ({@code team.bpmn}): a Djangonaut who withdrew
   * is no longer asked about.
   */
  @Transactional(readOnly = true)
  public List<Long> djangonautIdsOf(long teamId) {
    return members.findStayingByTeamId(teamId).stream().map(TeamMember::getApplicationId).sorted().toList();
  }

  /** The team a Djangonaut is in (withdrawn or not), if any. */
  @Transactional(readOnly = true)
  public Optional<Long> teamOf(long applicationId) {
    return members.findByApplicationId(applicationId).map(TeamMember::getTeamId);
  }

  private boolean hasLeft(TeamMember member) {
    return applications.findById(member.getApplicationId())
        .map(a -> a.getStatus() == ApplicationStatus.WITHDRAWN).orElse(true);
  }

  /**
   * Whether a Djangonaut who just confirmed their place needs an organiser to place them: their cohort's teams are
   * formed already and they are in none ({@code application.bpmn}'s gateway after Task_ConfirmPlace).
   */
  @Transactional(readOnly = true)
  public boolean awaitsPlacement(long applicationId) {
    return members.findByApplicationId(applicationId).isEmpty() && applications.findById(applicationId)
        .map(a -> !teams.findByCohortIdOrderById(a.getCohort().getId()).isEmpty()).orElse(false);
  }

  @Transactional(readOnly = true)
  public String navigatorOf(long teamId) {
    return userId(teams.findById(teamId).orElseThrow().getNavigatorVolunteerId());
  }

  @Transactional(readOnly = true)
  public String captainOf(long applicationId) {
    return userId(members.findByApplicationId(applicationId).orElseThrow().getCaptainVolunteerId());
  }

  private String userId(Long volunteerId) {
    return volunteers.findById(volunteerId).map(Volunteer::getUserId).orElseThrow();
  }
}
