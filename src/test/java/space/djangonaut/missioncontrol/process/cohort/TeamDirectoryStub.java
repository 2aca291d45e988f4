package space.djangonaut.missioncontrol.process.cohort;

import java.util.List;

/**
 * Stands in for the bean {@code teamDirectory} ({@code team.TeamDirectory}) in the expressions of {@code cohort.bpmn}
 * and {@code team.bpmn}: one cohort of two teams and three Djangonauts, two in the first team and one in the second.
 * Public, with public methods, for the expression language to call.
 */
public class TeamDirectoryStub {

  /** The bean name the diagram's expressions use. */
  public static final String BEAN = "teamDirectory";

  /** The one cohort it knows. */
  public static final long COHORT = 5L;
  public static final List<Long> TEAMS = List.of(11L, 12L);
  /** Application ids of the Djangonauts in the teams. */
  public static final List<Long> DJANGONAUTS = List.of(101L, 102L, 103L);

  /** The cohort's teams. */
  public List<Long> teamIds(long cohortId) {
    requireCohort(cohortId);
    return TEAMS;
  }

  /** The cohort's Djangonauts in teams. */
  public List<Long> djangonautIds(long cohortId) {
    requireCohort(cohortId);
    return DJANGONAUTS;
  }

  /** The Djangonauts of one team: 101 and 102 in team 11, 103 in team 12. */
  public List<Long> djangonautIdsOf(long teamId) {
    return djangonautsOfTeam(teamId);
  }

  /** What {@link #djangonautIdsOf} answers, for assertions. */
  public static List<Long> djangonautsOfTeam(long teamId) {
    if (!TEAMS.contains(teamId)) {
      throw new IllegalArgumentException("No team " + teamId);
    }
    return teamId == TEAMS.get(0) ? DJANGONAUTS.subList(0, 2) : DJANGONAUTS.subList(2, 3);
  }

  /** The user id of a team's Navigator. */
  public String navigatorOf(long teamId) {
    if (!TEAMS.contains(teamId)) {
      throw new IllegalArgumentException("No team " + teamId);
    }
    return navigatorOfTeam(teamId);
  }

  /** The user id of a Djangonaut's Captain. */
  public String captainOf(long djangonautId) {
    if (!DJANGONAUTS.contains(djangonautId)) {
      throw new IllegalArgumentException("No Djangonaut " + djangonautId);
    }
    return captainOfDjangonaut(djangonautId);
  }

  /** What {@link #navigatorOf} answers, for assertions. */
  public static String navigatorOfTeam(long teamId) {
    return "navigator-" + teamId;
  }

  /** What {@link #captainOf} answers, for assertions. */
  public static String captainOfDjangonaut(long djangonautId) {
    return "captain-of-" + djangonautId;
  }

  static void requireCohort(long cohortId) {
    if (cohortId != COHORT) {
      throw new IllegalArgumentException("No cohort " + cohortId);
    }
  }
}
