package space.djangonaut.missioncontrol.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.NotFoundException;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.team.TeamFormation.Candidate;
import space.djangonaut.missioncontrol.team.TeamFormation.Mentor;
import space.djangonaut.missioncontrol.team.TeamFormation.PlannedMember;
import space.djangonaut.missioncontrol.team.TeamFormation.PlannedTeam;
import space.djangonaut.missioncontrol.team.TeamFormation.Problem;
import space.djangonaut.missioncontrol.team.TeamFormation.TeamPlan;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;
import space.djangonaut.missioncontrol.volunteer.VolunteerStatus;

/**
 * A cohort's teams: formed from the confirmed Djangonauts and approved volunteers ({@link TeamFormation}) and checked
 * against its rules. {@link TeamAdjustments} changes them, {@link TeamPlanText} shows them, {@link TeamWelcome} sends
 * the welcome.
 */
@Service
public class TeamService {

  private final CohortRepository cohorts;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;

  TeamService(CohortRepository cohorts, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, VolunteerRepository volunteers) {
    this.cohorts = cohorts;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
  }

  /**
   * Forms the cohort's teams (replacing any earlier proposal) with {@link TeamFormation}.
   *
   * @return what could not be satisfied
   */
  @Transactional
  public List<Problem> formTeams(long cohortId) {
    List<Team> earlier = teams.findByCohortIdOrderById(cohortId);
    members.deleteAll(members.findByTeamIdIn(earlier.stream().map(Team::getId).toList()));
    teams.deleteAll(earlier);
    teams.flush();
    Inputs inputs = inputs(cohortId);
    TeamPlan plan = formation(cohortId).form(inputs.candidates(), inputs.navigators(), inputs.captains());
    for (PlannedTeam planned : plan.teams()) {
      Team team = teams.save(new Team(cohortId, planned.name(), planned.project(), planned.navigatorId()));
      planned.members().forEach(m -> members.save(new TeamMember(team.getId(), m.applicationId(), m.captainId())));
    }
    return plan.problems();
  }

  /** The current teams checked against the rules, with everyone left out and every idle volunteer. */
  @Transactional(readOnly = true)
  public List<Problem> problems(long cohortId) {
    Inputs inputs = inputs(cohortId);
    List<Problem> problems = new ArrayList<>(formation(cohortId).check(currentPlan(cohortId), inputs.candidates(),
        inputs.navigators(), inputs.captains()));
    Set<Long> busy = new LinkedHashSet<>();
    currentPlan(cohortId).teams().forEach(t -> {
      busy.add(t.navigatorId());
      t.members().forEach(m -> busy.add(m.captainId()));
    });
    for (Mentor m : concat(inputs.navigators(), inputs.captains())) {
      if (!busy.contains(m.volunteerId())) {
        problems.add(new Problem(m.name() + " has no Djangonaut.", null, m.volunteerId()));
      }
    }
    return problems;
  }

  /**
   * Why a volunteer cannot take over from one who steps down from a team, by the rules of {@link TeamFormation}
   * ({@link TeamFormation#replacementProblems}) on the cohort's current teams, confirmed Djangonauts and approved
   * volunteers.
   *
   * @param role the role the leaving volunteer has in the team; the replacement must be an approved volunteer of
   *     that role in the team's cohort
   * @return the reasons, in people's words; empty when the replacement fits
   */
  @Transactional(readOnly = true)
  public List<String> problemsIfReplaced(long teamId, long leavingId, long replacementId, VolunteerRole role) {
    Team team = teams.findById(teamId).orElseThrow();
    Inputs inputs = inputs(team.getCohortId());
    List<Mentor> sameRole = role == VolunteerRole.NAVIGATOR ? inputs.navigators() : inputs.captains();
    if (sameRole.stream().noneMatch(m -> m.volunteerId() == replacementId)) {
      return List.of("#" + replacementId + " is no approved " + (role == VolunteerRole.NAVIGATOR ? "Navigator"
          : "Captain") + " of this cohort.");
    }
    return formation(team.getCohortId()).replacementProblems(currentPlan(team.getCohortId()), team.getName(),
        leavingId, replacementId,
        role == VolunteerRole.NAVIGATOR, inputs.candidates(), inputs.navigators(), inputs.captains()).stream()
        .map(Problem::message).toList();
  }

  /**
   * Every rule of {@link TeamFormation} the cohort's current teams break ({@link TeamFormation#check}): team size,
   * project, hours shared with the Navigator and with each Captain, capacity, and each confirmed Djangonaut in no
   * team. Volunteers left without Djangonauts are no broken rule (they are told when the teams are welcomed).
   *
   * @return the broken rules in people's words; empty when every rule holds
   */
  @Transactional(readOnly = true)
  public List<Problem> unmetRules(long cohortId) {
    Inputs inputs = inputs(cohortId);
    return formation(cohortId).check(currentPlan(cohortId), inputs.candidates(), inputs.navigators(),
        inputs.captains());
  }

  /**
   * What a team's Navigator and all its Djangonauts (those not withdrawn) share in one week of its cohort, in UTC:
   * the hours team formation requires ({@link TeamFormation#TEAM_OVERLAP_HOURS}) and from which a weekly meeting
   * can be chosen. Week {@code week} is counted as {@link CohortWeeks} counts it: 0 is the week before the cohort
   * starts, 1 starts on the cohort's start date (00:00 UTC), the last is the cohort's number of weeks. Each person's
   * local slots are converted for that week's dates, so the spans move when a clock changes.
   *
   * @param week 0 to the cohort's number of weeks (another number gives the spans of that calendar week all the same)
   * @return the shared spans (UTC instants, start inclusive, end exclusive, sorted, merged) and their minutes;
   *     no spans when the team has no Djangonaut left or they share nothing
   * @throws NotFoundException if there is no such team
   */
  @Transactional(readOnly = true)
  public CohortWeeks.WeekOverlap sharedHours(long teamId, int week) {
    Team team = teams.findById(teamId).orElseThrow(() -> new NotFoundException("There is no team #" + teamId + "."));
    return weeks(team.getCohortId()).shared(teamAvailability(team), week);
  }

  /**
   * {@link #sharedHours} for every week of the team's cohort, week 0 first.
   *
   * @throws NotFoundException if there is no such team
   */
  @Transactional(readOnly = true)
  public List<CohortWeeks.WeekOverlap> weeklySharedHours(long teamId) {
    Team team = teams.findById(teamId).orElseThrow(() -> new NotFoundException("There is no team #" + teamId + "."));
    return weeks(team.getCohortId()).weekly(teamAvailability(team));
  }

  /** The availability of a team's Navigator and staying Djangonauts; empty when it has no Djangonaut. */
  List<WeeklyAvailability> teamAvailability(Team team) {
    List<WeeklyAvailability> people = new ArrayList<>();
    volunteers.findById(team.getNavigatorVolunteerId()).ifPresent(v -> people.add(v.getAvailability()));
    members.findStayingByTeamId(team.getId()).forEach(m -> applications.findById(m.getApplicationId())
        .ifPresent(a -> people.add(a.getAvailability())));
    return people.size() < 2 ? List.of() : people;
  }

  /** The weeks of the cohort on which its rules of hours are checked. */
  CohortWeeks weeks(long cohortId) {
    return CohortWeeks.of(cohorts.findById(cohortId).orElseThrow());
  }

  /** Team formation on the cohort's actual weeks. */
  TeamFormation formation(long cohortId) {
    return new TeamFormation(weeks(cohortId));
  }

  TeamPlan currentPlan(long cohortId) {
    List<PlannedTeam> planned = teams.findByCohortIdOrderById(cohortId).stream()
        .map(t -> new PlannedTeam(t.getName(), t.getProject(), t.getNavigatorVolunteerId(),
            members.findStayingByTeamId(t.getId()).stream()
                .map(m -> new PlannedMember(m.getApplicationId(), m.getCaptainVolunteerId())).toList()))
        .toList();
    return new TeamPlan(planned, List.of());
  }

  /** The confirmed Djangonauts and approved volunteers of the cohort, as team formation sees them. */
  Inputs inputs(long cohortId) {
    List<Candidate> candidates = applications.findByCohortIdAndStatus(cohortId, ApplicationStatus.CONFIRMED).stream()
        .map(a -> new Candidate(a.getId(), a.getRanking() == null ? Integer.MAX_VALUE : a.getRanking(), a.getName(),
            a.getProject(), a.getAvailability()))
        .toList();
    List<Volunteer> approved = volunteers.findByCohortIdAndStatusOrderBySubmittedAt(cohortId,
        VolunteerStatus.APPROVED);
    return new Inputs(candidates, mentors(approved, VolunteerRole.NAVIGATOR), mentors(approved, VolunteerRole.CAPTAIN));
  }

  private static List<Mentor> mentors(List<Volunteer> volunteers, VolunteerRole role) {
    return volunteers.stream().filter(v -> v.getRole() == role)
        .map(v -> new Mentor(v.getId(), v.getName(), Set.copyOf(v.getProjects()), v.getAvailability(),
            v.getCapacity()))
        .toList();
  }

  private static List<Mentor> concat(List<Mentor> a, List<Mentor> b) {
    List<Mentor> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  record Inputs(List<Candidate> candidates, List<Mentor> navigators, List<Mentor> captains) {}
}
