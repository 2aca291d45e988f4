package space.djangonaut.missioncontrol.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;

/**
 * Forms a cohort's teams. Plain Java: no database, no engine.
 *
 * <p>The rules:
 * <ul>
 *   <li>a team has {@value #MIN_TEAM} to {@value #MAX_TEAM} Djangonauts working on one project, and one Navigator
 *       who knows that project;</li>
 *   <li>the Navigator and all the team's Djangonauts share at least {@value #TEAM_OVERLAP_HOURS} hours in every
 *       week of the cohort (week 0 through the last, {@link CohortWeeks}), computed in UTC from each person's local
 *       slots for that week's dates, so that a clock change in March or April cannot break a team formed in
 *       January;</li>
 *   <li>each Djangonaut shares at least {@value #CAPTAIN_OVERLAP_HOURS} hours with their Captain in every week;</li>
 *   <li>better-ranked Djangonauts are placed first, so that when places are short the worst-ranked are left out;</li>
 *   <li>no volunteer takes more Djangonauts than their capacity.</li>
 * </ul>
 * Whatever cannot be satisfied is reported as a {@link Problem}: every Djangonaut is either in a team or named in a
 * problem. The same input always gives the same plan.
 *
 * <p>A rule of hours unmet in some weeks only names the weakest week: "Team 2 shares only 3 hours in week 7 (from
 * 12 March) with its Navigator ...". Shared time is counted in minutes (a half-hour offset such as Asia/Kolkata's
 * shares half hours) and shown in hours.
 */
public final class TeamFormation {

  public static final int MIN_TEAM = 3;
  public static final int MAX_TEAM = 4;
  public static final int TEAM_OVERLAP_HOURS = 5;
  public static final int CAPTAIN_OVERLAP_HOURS = 3;

  private final CohortWeeks weeks;

  /** Team formation on one ordinary week ({@link CohortWeeks#ORDINARY_WEEK}), for callers without cohort dates. */
  public TeamFormation() {
    this(CohortWeeks.ORDINARY_WEEK);
  }

  /** Team formation whose rules of hours hold in each of these weeks. */
  public TeamFormation(CohortWeeks weeks) {
    this.weeks = weeks;
  }

  /** The weeks on which the rules of hours are checked. */
  public CohortWeeks weeks() {
    return weeks;
  }

  /** The minutes all these people share in the week in which they share least. */
  public long minutesEveryWeek(List<WeeklyAvailability> people) {
    return weeks.minutesEveryWeek(people);
  }

  /** A confirmed Djangonaut; {@code ranking} 1 is the best. */
  public record Candidate(long applicationId, int ranking, String name, String project,
      WeeklyAvailability availability) {}

  /** A Navigator or Captain: the projects they know and how many Djangonauts they can take. */
  public record Mentor(long volunteerId, String name, Set<String> projects, WeeklyAvailability availability,
      int capacity) {}

  public record PlannedMember(long applicationId, long captainId) {}

  public record PlannedTeam(String name, String project, long navigatorId, List<PlannedMember> members) {}

  /** Something the plan could not satisfy; names the Djangonaut or volunteer concerned where there is one. */
  public record Problem(String message, Long applicationId, Long volunteerId) {}

  public record TeamPlan(List<PlannedTeam> teams, List<Problem> problems) {}

  /** Forms teams and assigns Captains following the rules above. */
  public TeamPlan form(List<Candidate> djangonauts, List<Mentor> navigators, List<Mentor> captains) {
    List<Candidate> byRank = new ArrayList<>(djangonauts);
    byRank.sort(Comparator.comparingInt(Candidate::ranking).thenComparingLong(Candidate::applicationId));
    Map<Long, Integer> navigatorLoad = new HashMap<>();
    List<Problem> problems = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();

    // Projects in the order of their best-ranked Djangonaut.
    Map<String, List<Candidate>> byProject = new LinkedHashMap<>();
    byRank.forEach(c -> byProject.computeIfAbsent(c.project(), p -> new ArrayList<>()).add(c));
    for (var entry : byProject.entrySet()) {
      formProjectTeams(entry.getKey(), entry.getValue(), navigators, navigatorLoad, drafts, problems);
    }

    List<PlannedTeam> teams = new ArrayList<>();
    List<Candidate> placed = drafts.stream().flatMap(d -> d.members.stream())
        .sorted(Comparator.comparingInt(Candidate::ranking).thenComparingLong(Candidate::applicationId)).toList();
    Map<Long, Long> captainOf = assignCaptains(placed, captains, problems);
    int number = 1;
    for (Draft draft : drafts) {
      List<PlannedMember> members = draft.members.stream().filter(c -> captainOf.containsKey(c.applicationId()))
          .map(c -> new PlannedMember(c.applicationId(), captainOf.get(c.applicationId()))).toList();
      PlannedTeam team = new PlannedTeam("Team " + number++, draft.project, draft.navigator.volunteerId(), members);
      if (members.size() < MIN_TEAM) {
        problems.add(new Problem(team.name() + " has only " + members.size() + " Djangonauts with a Captain; a team "
            + "has " + MIN_TEAM + " to " + MAX_TEAM + ".", null, draft.navigator.volunteerId()));
      }
      teams.add(team);
    }
    for (Mentor navigator : navigators) {
      if (!navigatorLoad.containsKey(navigator.volunteerId())) {
        problems.add(new Problem("Navigator " + navigator.name() + " has no team.", null, navigator.volunteerId()));
      }
    }
    for (Mentor captain : captains) {
      if (!captainOf.containsValue(captain.volunteerId())) {
        problems.add(new Problem("Captain " + captain.name() + " has no Djangonaut.", null, captain.volunteerId()));
      }
    }
    return new TeamPlan(teams, problems);
  }

  /**
   * Checks a plan (for example after an organiser moved people between teams) against the rules.
   *
   * @return what breaks a rule; empty when the plan keeps them all
   */
  public List<Problem> check(TeamPlan plan, List<Candidate> djangonauts, List<Mentor> navigators,
      List<Mentor> captains) {
    Map<Long, Candidate> candidates = new HashMap<>();
    djangonauts.forEach(c -> candidates.put(c.applicationId(), c));
    Map<Long, Mentor> navigatorsById = new HashMap<>();
    navigators.forEach(m -> navigatorsById.put(m.volunteerId(), m));
    Map<Long, Mentor> captainsById = new HashMap<>();
    captains.forEach(m -> captainsById.put(m.volunteerId(), m));
    List<Problem> problems = new ArrayList<>();
    Map<Long, Integer> navigatorLoad = new HashMap<>();
    Map<Long, Integer> captainLoad = new HashMap<>();
    Set<Long> placed = new HashSet<>();
    for (PlannedTeam team : plan.teams()) {
      Mentor navigator = navigatorsById.get(team.navigatorId());
      int size = team.members().size();
      if (navigator == null) {
        problems.add(new Problem(team.name() + " has no approved Navigator (#" + team.navigatorId() + ").", null,
            team.navigatorId()));
      }
      if (size < MIN_TEAM || size > MAX_TEAM) {
        problems.add(new Problem(team.name() + " has " + size + " Djangonauts; a team has " + MIN_TEAM + " to "
            + MAX_TEAM + ".", null, team.navigatorId()));
      }
      if (navigator != null && !navigator.projects().contains(team.project())) {
        problems.add(new Problem(team.name() + ": Navigator " + navigator.name() + " does not know "
            + team.project() + ".", null, navigator.volunteerId()));
      }
      if (navigator != null) {
        navigatorLoad.merge(navigator.volunteerId(), size, Integer::sum);
      }
      // Who must share the hours: the Navigator and the Djangonauts; none to check without a Navigator.
      List<WeeklyAvailability> together = navigator == null ? null : new ArrayList<>(List.of(navigator.availability()));
      for (PlannedMember member : team.members()) {
        Candidate c = candidates.get(member.applicationId());
        if (c == null) {
          problems.add(new Problem(team.name() + ": application #" + member.applicationId()
              + " is not a confirmed Djangonaut of this cohort.", member.applicationId(), null));
          continue;
        }
        if (!placed.add(member.applicationId())) {
          problems.add(new Problem(c.name() + " is in two teams.", c.applicationId(), null));
        }
        if (!c.project().equals(team.project())) {
          problems.add(new Problem(c.name() + " (#" + c.applicationId() + ") asked for " + c.project() + " but "
              + team.name() + " works on " + team.project() + ".", c.applicationId(), null));
        }
        if (together != null) {
          together.add(c.availability());
        }
        Mentor captain = captainsById.get(member.captainId());
        if (captain == null) {
          problems.add(new Problem(c.name() + " (#" + c.applicationId() + ") has no approved Captain (#"
              + member.captainId() + ").", c.applicationId(), member.captainId()));
          continue;
        }
        captainLoad.merge(member.captainId(), 1, Integer::sum);
        List<CohortWeeks.WeekOverlap> withCaptain = weeks.weekly(List.of(c.availability(), captain.availability()));
        if (weakest(withCaptain).minutes() < CAPTAIN_OVERLAP_HOURS * 60L) {
          problems.add(new Problem(captainShortfall(c, captain, withCaptain, "."), c.applicationId(),
              captain.volunteerId()));
        }
      }
      if (together != null) {
        List<CohortWeeks.WeekOverlap> weekly = weeks.weekly(together);
        if (weakest(weekly).minutes() < TEAM_OVERLAP_HOURS * 60L) {
          problems.add(new Problem(teamShortfall(team.name(), navigator, weekly), null, navigator.volunteerId()));
        }
      }
    }
    navigatorLoad.forEach((id, load) -> overCapacity(navigatorsById.get(id), load, problems));
    captainLoad.forEach((id, load) -> overCapacity(captainsById.get(id), load, problems));
    for (Candidate c : djangonauts) {
      if (!placed.contains(c.applicationId())) {
        problems.add(new Problem(c.name() + " (#" + c.applicationId() + ") is not in a team.", c.applicationId(),
            null));
      }
    }
    return problems;
  }

  /**
   * Why a volunteer cannot take over from one who steps down from a team of a plan, by the rules above: the plan is
   * {@linkplain #check checked} with {@code replacementId} in the place of {@code leavingId} (the team's Navigator
   * when {@code navigator}, else the Captain of each of the team's Djangonauts the leaver looks after), and every
   * broken rule that names the replacement and did not already hold before is a reason: the project, the hours
   * shared with the team's Djangonauts, the replacement's capacity.
   *
   * @param teamName the team's name in the plan
   * @param navigators the approved Navigators, the replacement among them when {@code navigator}
   * @param captains the approved Captains, the replacement among them otherwise
   * @return the reasons; empty when the replacement fits
   */
  public List<Problem> replacementProblems(TeamPlan plan, String teamName, long leavingId, long replacementId,
      boolean navigator, List<Candidate> djangonauts, List<Mentor> navigators, List<Mentor> captains) {
    List<PlannedTeam> replaced = new ArrayList<>();
    for (PlannedTeam t : plan.teams()) {
      if (!t.name().equals(teamName)) {
        replaced.add(t);
        continue;
      }
      long navigatorId = navigator && t.navigatorId() == leavingId ? replacementId : t.navigatorId();
      List<PlannedMember> members = t.members().stream().map(m -> !navigator && m.captainId() == leavingId
          ? new PlannedMember(m.applicationId(), replacementId) : m).toList();
      replaced.add(new PlannedTeam(t.name(), t.project(), navigatorId, members));
    }
    Set<String> already = new HashSet<>();
    check(plan, djangonauts, navigators, captains).forEach(p -> already.add(p.message()));
    List<Problem> reasons = new ArrayList<>();
    for (Problem p : check(new TeamPlan(replaced, List.of()), djangonauts, navigators, captains)) {
      if (Long.valueOf(replacementId).equals(p.volunteerId()) && !already.contains(p.message())
          && reasons.stream().noneMatch(r -> r.message().equals(p.message()))) {
        reasons.add(p);
      }
    }
    return reasons;
  }

  private void formProjectTeams(String project, List<Candidate> waiting, List<Mentor> navigators,
      Map<Long, Integer> navigatorLoad, List<Draft> drafts, List<Problem> problems) {
    List<Candidate> left = new ArrayList<>(waiting);
    List<Candidate> unplaced = new ArrayList<>();
    while (!left.isEmpty()) {
      Candidate seed = left.get(0);
      Draft best = null;
      for (Mentor navigator : navigators) {
        int free = navigator.capacity() - navigatorLoad.getOrDefault(navigator.volunteerId(), 0);
        if (!navigator.projects().contains(project) || free < MIN_TEAM) {
          continue;
        }
        Draft draft = grow(project, navigator, Math.min(teamSize(left.size()), free), left);
        if (draft.members.size() >= MIN_TEAM && (best == null || better(draft, best))) {
          best = draft;
        }
      }
      if (best == null) {
        left.remove(seed);
        unplaced.add(seed);
        continue;
      }
      drafts.add(best);
      left.removeAll(best.members);
      navigatorLoad.merge(best.navigator.volunteerId(), best.members.size(), Integer::sum);
    }
    // Someone who could not seed a team may still fit a team of their project with a free place.
    for (Candidate c : unplaced) {
      Draft home = drafts.stream().filter(d -> d.project.equals(project) && d.members.size() < MAX_TEAM)
          .filter(d -> navigatorLoad.get(d.navigator.volunteerId()) < d.navigator.capacity())
          .filter(d -> d.fits(c))
          .findFirst().orElse(null);
      if (home != null) {
        home.add(c);
        navigatorLoad.merge(home.navigator.volunteerId(), 1, Integer::sum);
      } else {
        problems.add(new Problem(c.name() + " (#" + c.applicationId() + ", ranked " + c.ranking()
            + ") could not join a team of " + MIN_TEAM + "-" + MAX_TEAM + " on " + project
            + " with a Navigator sharing " + TEAM_OVERLAP_HOURS + " hours in every week.", c.applicationId(), null));
      }
    }
  }

  /**
   * How many to put in the next team when {@code waiting} Djangonauts of a project are left, so that the rest can
   * still make full teams (6 make 3 + 3, not 4 + 2).
   */
  static int teamSize(int waiting) {
    if (formable(waiting - MAX_TEAM)) {
      return MAX_TEAM;
    }
    return formable(waiting - MIN_TEAM) ? MIN_TEAM : MAX_TEAM;
  }

  /** Whether this many Djangonauts split into teams of 3 and 4 with nobody left over. */
  private static boolean formable(int count) {
    return count == 0 || (count >= MIN_TEAM && count != MIN_TEAM + MAX_TEAM - 2);
  }

  /** A team around the best-ranked waiting Djangonaut, adding the next best-ranked who keep the overlap. */
  private Draft grow(String project, Mentor navigator, int size, List<Candidate> waiting) {
    Draft draft = new Draft(project, navigator);
    for (Candidate c : waiting) {
      if (draft.members.size() == size) {
        break;
      }
      if (draft.fits(c)) {
        draft.add(c);
      } else if (draft.members.isEmpty()) {
        return draft; // the seed itself does not fit this Navigator
      }
    }
    return draft;
  }

  /** Prefer the larger team, then the better-ranked members, then more shared hours, then the lower id. */
  private boolean better(Draft a, Draft b) {
    if (a.members.size() != b.members.size()) {
      return a.members.size() > b.members.size();
    }
    int rankA = a.members.stream().mapToInt(Candidate::ranking).sum();
    int rankB = b.members.stream().mapToInt(Candidate::ranking).sum();
    if (rankA != rankB) {
      return rankA < rankB;
    }
    if (a.minutes != b.minutes) {
      return a.minutes > b.minutes;
    }
    return a.navigator.volunteerId() < b.navigator.volunteerId();
  }

  /**
   * Gives each placed Djangonaut a Captain, as many as possible with {@value #CAPTAIN_OVERLAP_HOURS} shared hours:
   * a maximum matching within the Captains' capacities, found by augmenting paths in ranking order, so a
   * better-ranked Djangonaut is never left without a fitting Captain to make room for a worse-ranked one, and
   * nobody loses a fitting Captain because an earlier choice took the only one that fits them. Who is left gets a
   * Captain with a free place (the shortfall in hours is reported), or is reported as having none.
   */
  private Map<Long, Long> assignCaptains(List<Candidate> byRank, List<Mentor> captains,
      List<Problem> problems) {
    Map<Long, List<Candidate>> assigned = new HashMap<>();
    Map<Long, Long> captainOf = new HashMap<>();
    List<Candidate> unmatched = new ArrayList<>();
    for (Candidate c : byRank) {
      if (!augment(c, captains, assigned, captainOf, new HashSet<>())) {
        unmatched.add(c);
      }
    }
    for (Candidate c : unmatched) {
      Mentor captain = captains.stream()
          .filter(m -> load(assigned, m) < m.capacity())
          .max(Comparator.<Mentor>comparingLong(m -> pairMinutes(c, m))
              .thenComparingInt(m -> m.capacity() - load(assigned, m))
              .thenComparing(Comparator.comparingLong(Mentor::volunteerId).reversed()))
          .orElse(null);
      if (captain == null) {
        problems.add(new Problem(c.name() + " (#" + c.applicationId() + ") has no Captain with a free place.",
            c.applicationId(), null));
        continue;
      }
      take(c, captain, assigned, captainOf);
      problems.add(new Problem(captainShortfall(c, captain,
          weeks.weekly(List.of(c.availability(), captain.availability())), "; " + CAPTAIN_OVERLAP_HOURS
              + " are needed."), c.applicationId(), captain.volunteerId()));
    }
    return captainOf;
  }

  /**
   * Finds a fitting Captain for {@code c}: one with a free place, or one whose Djangonaut can move to another
   * fitting Captain in turn. Prefers the Captain with the most free places, then the most shared hours.
   */
  private boolean augment(Candidate c, List<Mentor> captains, Map<Long, List<Candidate>> assigned,
      Map<Long, Long> captainOf, Set<Long> visited) {
    List<Mentor> fitting = captains.stream()
        .filter(m -> m.capacity() > 0 && pairMinutes(c, m) >= CAPTAIN_OVERLAP_HOURS * 60L)
        .sorted(Comparator.<Mentor>comparingInt(m -> m.capacity() - load(assigned, m)).reversed()
            .thenComparing(Comparator.<Mentor>comparingLong(m -> pairMinutes(c, m))
                .reversed())
            .thenComparingLong(Mentor::volunteerId))
        .toList();
    for (Mentor m : fitting) {
      if (!visited.contains(m.volunteerId()) && load(assigned, m) < m.capacity()) {
        take(c, m, assigned, captainOf);
        return true;
      }
    }
    for (Mentor m : fitting) {
      if (!visited.add(m.volunteerId())) {
        continue;
      }
      for (Candidate other : List.copyOf(assigned.get(m.volunteerId()))) {
        assigned.get(m.volunteerId()).remove(other);
        if (augment(other, captains, assigned, captainOf, visited)) {
          take(c, m, assigned, captainOf);
          return true;
        }
        assigned.get(m.volunteerId()).add(other);
        captainOf.put(other.applicationId(), m.volunteerId());
      }
    }
    return false;
  }

  private static void take(Candidate c, Mentor captain, Map<Long, List<Candidate>> assigned,
      Map<Long, Long> captainOf) {
    assigned.computeIfAbsent(captain.volunteerId(), id -> new ArrayList<>()).add(c);
    captainOf.put(c.applicationId(), captain.volunteerId());
  }

  private static int load(Map<Long, List<Candidate>> assigned, Mentor captain) {
    return assigned.getOrDefault(captain.volunteerId(), List.of()).size();
  }

  private static void overCapacity(Mentor mentor, int load, List<Problem> problems) {
    if (load > mentor.capacity()) {
      problems.add(new Problem(mentor.name() + " has " + load + " Djangonauts but offered to take "
          + mentor.capacity() + ".", null, mentor.volunteerId()));
    }
  }

  /** The minutes a Djangonaut and a volunteer share in the week in which they share least. */
  private long pairMinutes(Candidate c, Mentor m) {
    return weeks.minutesEveryWeek(List.of(c.availability(), m.availability()));
  }

  private static CohortWeeks.WeekOverlap weakest(List<CohortWeeks.WeekOverlap> weekly) {
    return weekly.stream().min(Comparator.comparingLong(CohortWeeks.WeekOverlap::minutes)).orElseThrow();
  }

  /** Whether every week shares the same time: then the rule is worded "a week", as before weeks were checked. */
  private static boolean steady(List<CohortWeeks.WeekOverlap> weekly) {
    return weekly.stream().mapToLong(CohortWeeks.WeekOverlap::minutes).distinct().count() == 1;
  }

  /** "Team 2 shares only 3 hours in week 7 (from 12 March) with its Navigator N; 5 are needed every week (...)". */
  static String teamShortfall(String teamName, Mentor navigator, List<CohortWeeks.WeekOverlap> weekly) {
    CohortWeeks.WeekOverlap weakest = weakest(weekly);
    if (steady(weekly)) {
      return teamName + " shares only " + weakest.hours() + " hours a week with its Navigator " + navigator.name()
          + "; " + TEAM_OVERLAP_HOURS + " are needed.";
    }
    return teamName + " shares only " + weakest.hours() + " hours in " + weakest.label() + " with its Navigator "
        + navigator.name() + "; " + TEAM_OVERLAP_HOURS + " are needed every week (" + shortWeeks(weekly,
        TEAM_OVERLAP_HOURS) + ").";
  }

  private static String captainShortfall(Candidate c, Mentor captain, List<CohortWeeks.WeekOverlap> weekly,
      String steadyEnd) {
    CohortWeeks.WeekOverlap weakest = weakest(weekly);
    String who = c.name() + " (#" + c.applicationId() + ") shares only " + weakest.hours() + " hours";
    if (steady(weekly)) {
      return who + " with their Captain " + captain.name() + steadyEnd;
    }
    return who + " in " + weakest.label() + " with their Captain " + captain.name() + "; " + CAPTAIN_OVERLAP_HOURS
        + " are needed every week (" + shortWeeks(weekly, CAPTAIN_OVERLAP_HOURS) + ").";
  }

  /** "short in weeks 7, 8; 6 in week 0": the weeks below the rule and the best week. */
  private static String shortWeeks(List<CohortWeeks.WeekOverlap> weekly, int neededHours) {
    List<String> shortOnes = weekly.stream().filter(w -> w.minutes() < neededHours * 60L)
        .map(w -> Integer.toString(w.week())).toList();
    CohortWeeks.WeekOverlap best = weekly.stream().max(Comparator.comparingLong(CohortWeeks.WeekOverlap::minutes)
        .thenComparing(Comparator.comparingInt(CohortWeeks.WeekOverlap::week).reversed())).orElseThrow();
    return "short in week" + (shortOnes.size() == 1 ? " " : "s ") + String.join(", ", shortOnes) + "; "
        + best.hours() + " in week " + best.week();
  }

  private final class Draft {
    final String project;
    final Mentor navigator;
    final List<Candidate> members = new ArrayList<>();
    final List<WeeklyAvailability> people = new ArrayList<>();
    long minutes;

    Draft(String project, Mentor navigator) {
      this.project = project;
      this.navigator = navigator;
      people.add(navigator.availability());
      minutes = weeks.minutesEveryWeek(people);
    }

    /** Whether the team still shares the hours in every week with {@code c} in it. */
    boolean fits(Candidate c) {
      List<WeeklyAvailability> with = new ArrayList<>(people);
      with.add(c.availability());
      return weeks.minutesEveryWeek(with) >= TEAM_OVERLAP_HOURS * 60L;
    }

    void add(Candidate c) {
      members.add(c);
      people.add(c.availability());
      minutes = weeks.minutesEveryWeek(people);
    }
  }
}
