package space.djangonaut.missioncontrol.team;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.common.UtcSpan;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.team.TeamFormation.Candidate;
import space.djangonaut.missioncontrol.team.TeamFormation.Mentor;
import space.djangonaut.missioncontrol.team.TeamFormation.Problem;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;
import space.djangonaut.missioncontrol.volunteer.VolunteerStatus;

/**
 * A cohort's proposed teams as the organisers' team page shows and changes them, before Task_ConfirmTeams confirms
 * them. The teams are kept where the process reads them ({@link Team}, {@link TeamMember}); every view re-checks
 * every rule of {@link TeamFormation} on them as they are, and explains each rule unmet next to its team.
 *
 * <p>Changes: move a confirmed Djangonaut into a team, start a team around a free Navigator, change a team's
 * Navigator, change (or give) a Djangonaut's Captain. A change that the rules advise against is made and explained;
 * only input that names nothing of the cohort (an unknown team or person, a person of another cohort) is refused,
 * with {@link TeamChangeRefused}, and changes nothing.
 */
@Service
public class TeamBoard {

  private static final Pattern TEAM_NUMBER = Pattern.compile("^Team (\\d+)$");

  private final TeamService teamService;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final DisplayZone displayZone;

  TeamBoard(TeamService teamService, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, VolunteerRepository volunteers, DisplayZone displayZone) {
    this.displayZone = displayZone;
    this.teamService = teamService;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
  }

  /** A Navigator or Captain: {@code load} Djangonauts of {@code capacity} they offered to take. */
  public record MentorView(long id, String name, List<String> projects, String availability, int capacity,
      int load) {
    public boolean hasRoom() {
      return load < capacity;
    }
  }

  /**
   * A Djangonaut in a team, with the hours they share with the team's Navigator and their Captain in the week in
   * which they share least ("4.5").
   */
  public record MemberView(long applicationId, String name, String project, String availability,
      String hoursWithNavigator, Long captainId, String captainName, String hoursWithCaptain) {}

  /** A rule unmet: which rule ({@code rule}, e.g. "Capacity") and what breaks it, in words. */
  public record RuleView(String rule, String explanation) {}

  /**
   * A proposed team; {@code sharedHours} is what its Navigator and all its Djangonauts share in the week in which they
   * share least, {@code sharedText} those hours in words (in the display zone and UTC), {@code weekly} the shared
   * hours of each week of the cohort (week 0 first), {@code breakingWeek} the first week below
   * {@link TeamFormation#TEAM_OVERLAP_HOURS} ("week 7 (from 12 March)"), or null when every week keeps the rule.
   */
  public record TeamView(long id, String name, String project, MentorView navigator, List<MemberView> members,
      List<MentorView> captains, String sharedHours, String sharedText, List<WeekHours> weekly,
      String breakingWeek, List<RuleView> unmet) {}

  /** The hours a team shares in one week of its cohort; {@code enough} when they keep the rule. */
  public record WeekHours(int week, String label, String hours, boolean enough) {}

  /** A confirmed Djangonaut in no team, and why: each team of their project and each free Navigator considered. */
  public record TeamlessView(long applicationId, String name, String project, String availability,
      List<String> reasons) {}

  /** A confirmed Djangonaut to choose in the page's "move" form, with the team they are in (or null). */
  public record DjangonautOption(long applicationId, String name, String project, String teamName) {}

  /**
   * Everything the team page shows: the teams with their rules unmet, the volunteers with room and the Djangonauts
   * in no team; {@code unmet} is every rule unmet, the ones of no team ({@code otherUnmet}) included.
   */
  public record Board(List<TeamView> teams, List<MentorView> navigators, List<MentorView> captains,
      List<MentorView> freeNavigators, List<MentorView> freeCaptains, List<TeamlessView> teamless,
      List<DjangonautOption> djangonauts, List<RuleView> otherUnmet, List<RuleView> unmet) {}

  /** Input that names nothing this page can change; {@code field} is the form field at fault. */
  public static class TeamChangeRefused extends RuntimeException {
    private final String field;

    TeamChangeRefused(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * The cohort's proposed teams, checked against every rule, with availability and shared hours drawn in the
   * reader's zone and UTC.
   *
   * @param reader the Camunda user id of the organiser who reads the page ({@link DisplayZone#of}: their zone, else
   *     the fallback {@code missioncontrol.display-zone})
   */
  @Transactional(readOnly = true)
  public Board board(long cohortId, String reader) {
    ZoneId zone = displayZone.of(reader);
    TeamService.Inputs inputs = teamService.inputs(cohortId);
    TeamFormation formation = teamService.formation(cohortId);
    CohortWeeks weeks = formation.weeks();
    Map<Long, Candidate> candidates = new HashMap<>();
    inputs.candidates().forEach(c -> candidates.put(c.applicationId(), c));
    Map<Long, Mentor> mentors = new HashMap<>();
    inputs.navigators().forEach(m -> mentors.put(m.volunteerId(), m));
    inputs.captains().forEach(m -> mentors.put(m.volunteerId(), m));
    List<Team> cohortTeams = teams.findByCohortIdOrderById(cohortId);
    Map<Long, List<TeamMember>> membersOf = new HashMap<>();
    Map<Long, Integer> load = new HashMap<>();
    for (Team team : cohortTeams) {
      List<TeamMember> staying = members.findStayingByTeamId(team.getId());
      membersOf.put(team.getId(), staying);
      load.merge(team.getNavigatorVolunteerId(), staying.size(), Integer::sum);
      staying.forEach(m -> {
        if (m.getCaptainVolunteerId() != null) {
          load.merge(m.getCaptainVolunteerId(), 1, Integer::sum);
        }
      });
    }
    Map<Long, String> names = new HashMap<>();
    volunteers.findByCohortIdOrderBySubmittedAt(cohortId).forEach(v -> names.put(v.getId(), v.getName()));

    List<Problem> problems = teamService.unmetRules(cohortId);
    List<String> teamNames = cohortTeams.stream().map(Team::getName).toList();
    Set<Problem> attached = new HashSet<>();
    List<TeamView> views = new ArrayList<>();
    for (Team team : cohortTeams) {
      Mentor navigator = mentors.get(team.getNavigatorVolunteerId());
      MentorView navigatorView = navigator == null ? null : view(navigator, load, weeks, zone);
      List<MemberView> memberViews = new ArrayList<>();
      Set<Long> captainIds = new LinkedHashSet<>();
      Set<Long> memberIds = new HashSet<>();
      List<WeeklyAvailability> together = navigator == null ? null : new ArrayList<>(List.of(navigator.availability()));
      for (TeamMember m : membersOf.get(team.getId())) {
        memberIds.add(m.getApplicationId());
        Candidate c = candidates.get(m.getApplicationId());
        Mentor captain = m.getCaptainVolunteerId() == null ? null : mentors.get(m.getCaptainVolunteerId());
        if (m.getCaptainVolunteerId() != null) {
          captainIds.add(m.getCaptainVolunteerId());
        }
        if (c == null) {
          continue; // not a confirmed Djangonaut of the cohort: a rule names them
        }
        if (together != null) {
          together.add(c.availability());
        }
        memberViews.add(new MemberView(c.applicationId(), c.name(), c.project(),
            DisplayZone.describe(c.availability(), weeks.firstDay(), zone),
            navigator == null ? "0" : UtcSpan.hours(formation.minutesEveryWeek(List.of(c.availability(),
                navigator.availability()))),
            m.getCaptainVolunteerId(),
            captain != null ? captain.name() : names.getOrDefault(m.getCaptainVolunteerId(), "none"),
            captain == null ? "0" : UtcSpan.hours(formation.minutesEveryWeek(List.of(c.availability(),
                captain.availability())))));
      }
      List<MentorView> captainViews = captainIds.stream().map(mentors::get).filter(java.util.Objects::nonNull)
          .map(m -> view(m, load, weeks, zone)).toList();
      List<RuleView> unmet = new ArrayList<>();
      for (Problem p : problems) {
        if (belongsTo(p, team, teamNames, captainIds, memberIds)) {
          unmet.add(rule(p));
          attached.add(p);
        }
      }
      List<CohortWeeks.WeekOverlap> weekly = together == null ? List.of() : weeks.weekly(together);
      CohortWeeks.WeekOverlap weakest = weekly.stream()
          .min(Comparator.comparingLong(CohortWeeks.WeekOverlap::minutes)).orElse(null);
      long needed = TeamFormation.TEAM_OVERLAP_HOURS * 60L;
      views.add(new TeamView(team.getId(), team.getName(), team.getProject(), navigatorView, memberViews,
          captainViews, weakest == null ? "0" : weakest.hours(),
          weakest == null ? "none (no approved Navigator)" : sharedText(weakest, weekly, zone),
          weekly.stream().map(w -> new WeekHours(w.week(), w.label(), w.hours(), w.minutes() >= needed)).toList(),
          weekly.stream().filter(w -> w.minutes() < needed).map(CohortWeeks.WeekOverlap::label).findFirst()
              .orElse(null),
          unmet));
    }

    List<MentorView> navigatorViews = inputs.navigators().stream().map(m -> view(m, load, weeks, zone)).toList();
    List<MentorView> captainViews = inputs.captains().stream().map(m -> view(m, load, weeks, zone)).toList();
    Set<Long> leading = new HashSet<>();
    cohortTeams.forEach(t -> leading.add(t.getNavigatorVolunteerId()));
    List<MentorView> freeNavigators = navigatorViews.stream().filter(m -> !leading.contains(m.id())).toList();
    List<MentorView> freeCaptains = captainViews.stream().filter(MentorView::hasRoom).toList();

    Map<Long, String> teamOf = new HashMap<>();
    for (Team team : cohortTeams) {
      membersOf.get(team.getId()).forEach(m -> teamOf.put(m.getApplicationId(), team.getName()));
    }
    List<Candidate> byId = inputs.candidates().stream().sorted(Comparator.comparingLong(Candidate::applicationId))
        .toList();
    List<TeamlessView> teamless = new ArrayList<>();
    List<DjangonautOption> options = new ArrayList<>();
    for (Candidate c : byId) {
      options.add(new DjangonautOption(c.applicationId(), c.name(), c.project(), teamOf.get(c.applicationId())));
      if (members.findByApplicationId(c.applicationId()).isEmpty()) {
        teamless.add(new TeamlessView(c.applicationId(), c.name(), c.project(),
            DisplayZone.describe(c.availability(), weeks.firstDay(), zone),
            whyInNoTeam(c, views, freeNavigators, mentors, candidates, formation)));
      }
    }
    List<RuleView> other = problems.stream().filter(p -> !attached.contains(p)).map(TeamBoard::rule).toList();
    return new Board(views, navigatorViews, captainViews, freeNavigators, freeCaptains, teamless, options, other,
        problems.stream().map(TeamBoard::rule).toList());
  }

  /**
   * Moves a confirmed Djangonaut of the cohort into one of its teams: they keep their Captain, or (coming from no
   * team) get the Captain with a free place who shares most hours with them.
   *
   * @return what was done, in words
   * @throws TeamChangeRefused if the Djangonaut or the team is not the cohort's, or the cohort has no Captain
   */
  @Transactional
  public String move(long cohortId, long applicationId, long teamId) {
    Application application = djangonaut(cohortId, applicationId);
    Team team = team(cohortId, teamId);
    Optional<TeamMember> member = members.findByApplicationId(applicationId);
    if (member.isPresent() && member.get().getTeamId().equals(team.getId())) {
      return application.getName() + " is already in " + team.getName() + ": nothing changed.";
    }
    if (member.isPresent()) {
      member.get().moveTo(team.getId(), member.get().getCaptainVolunteerId());
    } else {
      members.save(new TeamMember(team.getId(), applicationId, captainFor(cohortId, application)));
    }
    return application.getName() + " (#" + applicationId + ") moved to " + team.getName() + ".";
  }

  /**
   * Starts a team around an approved Navigator of the cohort who leads none, on a project they know, named after
   * the next free number ("Team 3").
   *
   * @param project one of the Navigator's projects; blank takes their only one
   * @throws TeamChangeRefused if the Navigator is not the cohort's, already leads a team, or does not know the
   *     project
   */
  @Transactional
  public String startTeam(long cohortId, long navigatorId, String project) {
    Mentor navigator = mentor(cohortId, navigatorId, VolunteerRole.NAVIGATOR, "navigatorId");
    List<Team> cohortTeams = teams.findByCohortIdOrderById(cohortId);
    cohortTeams.stream().filter(t -> t.getNavigatorVolunteerId() == navigatorId).findFirst().ifPresent(t -> {
      throw new TeamChangeRefused("navigatorId", navigator.name() + " already leads " + t.getName()
          + ": choose a free Navigator, or change " + t.getName() + "'s Navigator.");
    });
    String chosen = project == null ? "" : project.strip();
    if (chosen.isEmpty()) {
      if (navigator.projects().size() != 1) {
        throw new TeamChangeRefused("project", "Choose the new team's project: " + navigator.name() + " knows "
            + String.join(", ", navigator.projects().stream().sorted().toList()) + ".");
      }
      chosen = navigator.projects().iterator().next();
    }
    if (!navigator.projects().contains(chosen)) {
      throw new TeamChangeRefused("project", navigator.name() + " does not know " + chosen + "; they know "
          + String.join(", ", navigator.projects().stream().sorted().toList()) + ".");
    }
    int next = cohortTeams.stream().map(t -> TEAM_NUMBER.matcher(t.getName())).filter(Matcher::matches)
        .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + 1;
    Team team = teams.save(new Team(cohortId, "Team " + next, chosen, navigatorId));
    return team.getName() + " started around " + navigator.name() + " on " + chosen + ": move "
        + TeamFormation.MIN_TEAM + " to " + TeamFormation.MAX_TEAM + " Djangonauts into it.";
  }

  /**
   * Disbands a team of the cohort: its Djangonauts are in no team again (to move into another team, or withdraw),
   * its Navigator and Captains are free for other teams. A team left without Djangonauts is never confirmed
   * ({@link TeamAdjustments#apply}); this is the way out.
   *
   * @return what was done, in words
   * @throws TeamChangeRefused if the team is not the cohort's
   */
  @Transactional
  public String disband(long cohortId, long teamId) {
    Team team = team(cohortId, teamId);
    List<TeamMember> teamMembers = members.findByTeamIdOrderById(team.getId());
    members.deleteAll(teamMembers);
    teams.delete(team);
    String navigator = volunteers.findById(team.getNavigatorVolunteerId()).map(Volunteer::getName)
        .orElse("its Navigator");
    return team.getName() + " is disbanded: " + (teamMembers.isEmpty() ? "it had no Djangonaut" : "its "
        + teamMembers.size() + (teamMembers.size() == 1 ? " Djangonaut is" : " Djangonauts are") + " in no team")
        + "; " + navigator + " and its Captains are free for other teams (or are told they have no team).";
  }

  /**
   * Takes a Djangonaut out of their team: they are in no team again (to move into another team, or withdraw).
   *
   * @return what was done, in words
   * @throws TeamChangeRefused if the Djangonaut is not the cohort's
   */
  @Transactional
  public String takeOut(long cohortId, long applicationId) {
    Application application = djangonaut(cohortId, applicationId);
    Optional<TeamMember> member = members.findByApplicationId(applicationId);
    if (member.isEmpty()) {
      return application.getName() + " (#" + applicationId + ") is in no team: nothing changed.";
    }
    String from = teams.findById(member.get().getTeamId()).map(Team::getName).orElse("their team");
    members.delete(member.get());
    return application.getName() + " (#" + applicationId + ") is out of " + from + " and in no team.";
  }

  /**
   * Gives a team another approved Navigator of the cohort (one who leads another team too: the rules then say
   * whether they have room).
   *
   * @throws TeamChangeRefused if the team or the Navigator is not the cohort's
   */
  @Transactional
  public String changeNavigator(long cohortId, long teamId, long navigatorId) {
    Team team = team(cohortId, teamId);
    Mentor navigator = mentor(cohortId, navigatorId, VolunteerRole.NAVIGATOR, "navigatorId");
    if (team.getNavigatorVolunteerId() == navigatorId) {
      return navigator.name() + " already leads " + team.getName() + ": nothing changed.";
    }
    team.replaceNavigator(navigatorId);
    return navigator.name() + " is now the Navigator of " + team.getName() + ".";
  }

  /**
   * Gives a Djangonaut in a team of the cohort another (or a first) Captain: an approved Captain of the cohort.
   *
   * @throws TeamChangeRefused if the Djangonaut is not the cohort's or in no team, or the Captain not the cohort's
   */
  @Transactional
  public String changeCaptain(long cohortId, long applicationId, long captainId) {
    Application application = djangonaut(cohortId, applicationId);
    Mentor captain = mentor(cohortId, captainId, VolunteerRole.CAPTAIN, "captainId");
    TeamMember member = members.findByApplicationId(applicationId).orElseThrow(() -> new TeamChangeRefused(
        "applicationId", application.getName() + " (#" + applicationId + ") is in no team yet: move them into a"
            + " team first, then choose their Captain."));
    member.moveTo(member.getTeamId(), captainId);
    return captain.name() + " is now the Captain of " + application.getName() + " (#" + applicationId + ").";
  }

  private Application djangonaut(long cohortId, long applicationId) {
    Application application = applications.findById(applicationId).orElseThrow(() -> new TeamChangeRefused(
        "applicationId", "There is no Djangonaut #" + applicationId + "."));
    if (!application.getCohort().getId().equals(cohortId)) {
      throw new TeamChangeRefused("applicationId", "#" + applicationId + " applied to another cohort ("
          + application.getCohort().getName() + "): this page changes this cohort's teams only.");
    }
    if (application.getStatus() != ApplicationStatus.CONFIRMED) {
      throw new TeamChangeRefused("applicationId", application.getName() + " (#" + applicationId + ") is no "
          + "confirmed Djangonaut (their application is " + application.getStatus().name().toLowerCase()
          .replace('_', ' ') + "): only Djangonauts who confirmed their place join a team.");
    }
    return application;
  }

  private Team team(long cohortId, long teamId) {
    return teams.findById(teamId).filter(t -> t.getCohortId().equals(cohortId)).orElseThrow(() ->
        new TeamChangeRefused("teamId", "This cohort has no team #" + teamId + "; choose one of "
            + teams.findByCohortIdOrderById(cohortId).stream().map(Team::getName).toList() + "."));
  }

  private Mentor mentor(long cohortId, long volunteerId, VolunteerRole role, String field) {
    String what = role == VolunteerRole.NAVIGATOR ? "Navigator" : "Captain";
    Volunteer volunteer = volunteers.findById(volunteerId).orElseThrow(() -> new TeamChangeRefused(field,
        "There is no volunteer #" + volunteerId + "."));
    if (!volunteer.getCohortId().equals(cohortId)) {
      throw new TeamChangeRefused(field, volunteer.getName() + " (#" + volunteerId + ") volunteered for another "
          + "cohort: choose a " + what + " of this one.");
    }
    if (volunteer.getRole() != role || volunteer.getStatus() != VolunteerStatus.APPROVED) {
      throw new TeamChangeRefused(field, volunteer.getName() + " (#" + volunteerId + ") is no approved " + what
          + " of this cohort.");
    }
    TeamService.Inputs inputs = teamService.inputs(cohortId);
    return (role == VolunteerRole.NAVIGATOR ? inputs.navigators() : inputs.captains()).stream()
        .filter(m -> m.volunteerId() == volunteerId).findFirst().orElseThrow();
  }

  /** The Captain with a free place sharing most hours with the Djangonaut, else the one sharing most hours. */
  private Long captainFor(long cohortId, Application application) {
    List<Mentor> captains = teamService.inputs(cohortId).captains();
    TeamFormation formation = teamService.formation(cohortId);
    if (captains.isEmpty()) {
      throw new TeamChangeRefused("applicationId", "This cohort has no approved Captain yet: approve one, then "
          + "place " + application.getName() + ".");
    }
    Map<Long, Integer> load = new HashMap<>();
    teams.findByCohortIdOrderById(cohortId).forEach(t -> members.findStayingByTeamId(t.getId())
        .forEach(m -> load.merge(m.getCaptainVolunteerId(), 1, Integer::sum)));
    Comparator<Mentor> fit = Comparator.<Mentor>comparingInt(c -> load.getOrDefault(c.volunteerId(), 0)
            < c.capacity() ? 1 : 0)
        .thenComparingLong(c -> formation.minutesEveryWeek(List.of(c.availability(), application.getAvailability())))
        .thenComparing(Comparator.comparingLong(Mentor::volunteerId).reversed());
    return captains.stream().max(fit).orElseThrow().volunteerId();
  }

  /**
   * Why a confirmed Djangonaut is in no team: for each team of their project what keeps them out of it (full, its
   * Navigator without room, too few hours shared in some week), or that it has room; and each free Navigator who
   * knows the project, with the hours they share in every week (a team can be started around them).
   */
  static List<String> whyInNoTeam(Candidate c, List<TeamView> teams, List<MentorView> freeNavigators,
      Map<Long, Mentor> mentors, Map<Long, Candidate> candidates, TeamFormation formation) {
    List<String> reasons = new ArrayList<>();
    boolean sameProject = false;
    for (TeamView team : teams) {
      if (!team.project().equals(c.project())) {
        continue;
      }
      sameProject = true;
      List<String> why = new ArrayList<>();
      if (team.members().size() >= TeamFormation.MAX_TEAM) {
        why.add("it is full (" + team.members().size() + " Djangonauts; a team has at most "
            + TeamFormation.MAX_TEAM + ")");
      }
      if (team.navigator() != null && !team.navigator().hasRoom()) {
        why.add("its Navigator " + team.navigator().name() + " offered to take " + team.navigator().capacity()
            + " and has " + team.navigator().load());
      }
      Mentor navigator = team.navigator() == null ? null : mentors.get(team.navigator().id());
      if (navigator != null) {
        List<WeeklyAvailability> together = new ArrayList<>(List.of(navigator.availability()));
        for (MemberView m : team.members()) {
          together.add(candidates.get(m.applicationId()).availability());
        }
        together.add(c.availability());
        List<CohortWeeks.WeekOverlap> weekly = formation.weeks().weekly(together);
        CohortWeeks.WeekOverlap weakest = weekly.stream()
            .min(Comparator.comparingLong(CohortWeeks.WeekOverlap::minutes)).orElseThrow();
        if (weakest.minutes() < TeamFormation.TEAM_OVERLAP_HOURS * 60L) {
          boolean steady = weekly.stream().allMatch(w -> w.minutes() == weakest.minutes());
          why.add("with them the team would share " + (weakest.minutes() == 0 ? "no hour" : "only "
              + weakest.hours() + " hours") + (steady ? " a week" : " in " + weakest.label())
              + " with its Navigator (" + TeamFormation.TEAM_OVERLAP_HOURS + " are needed"
              + (steady ? ")" : " every week)"));
        }
      }
      reasons.add(why.isEmpty() ? team.name() + " has room for them and shares enough hours: move them there."
          : team.name() + ": " + String.join("; ", why) + ".");
    }
    if (!sameProject) {
      reasons.add("No team works on " + c.project() + ", the project they asked for.");
    }
    List<MentorView> knowing = freeNavigators.stream().filter(n -> n.projects().contains(c.project())).toList();
    if (knowing.isEmpty()) {
      reasons.add("No free Navigator knows " + c.project() + ".");
    }
    for (MentorView n : knowing) {
      long shared = formation.minutesEveryWeek(List.of(mentors.get(n.id()).availability(), c.availability()));
      reasons.add("Navigator " + n.name() + " is free, knows " + c.project() + " and shares " + UtcSpan.hours(shared)
          + " hours in every week with them: a team can be started around them.");
    }
    return reasons;
  }

  private static MentorView view(Mentor m, Map<Long, Integer> load, CohortWeeks weeks, ZoneId zone) {
    return new MentorView(m.volunteerId(), m.name(), m.projects().stream().sorted().toList(),
        DisplayZone.describe(m.availability(), weeks.firstDay(), zone), m.capacity(), load.getOrDefault(m.volunteerId(), 0));
  }

  /**
   * The weakest week's shared time in the reader's zone and in UTC: "Mon 18:00-21:00 UTC", followed by the week
   * ("in week 7 (from 12 March)") when the weeks differ; "none" when nothing is shared.
   */
  private static String sharedText(CohortWeeks.WeekOverlap week, List<CohortWeeks.WeekOverlap> weekly, ZoneId zone) {
    boolean steady = weekly.stream().allMatch(w -> w.minutes() == week.minutes());
    String when = steady ? "" : " in " + week.label();
    if (week.shared().isEmpty()) {
      return "none" + when;
    }
    String utc = UtcSpan.describe(week.shared(), java.time.ZoneOffset.UTC) + " UTC";
    String local = zone.normalized().equals(java.time.ZoneOffset.UTC) ? ""
        : UtcSpan.describe(week.shared(), zone) + " " + zone.getId() + " = ";
    return local + utc + when;
  }

  /**
   * Attaches a rule unmet to a team: one whose words begin with a team's name belongs to that team alone; any other
   * to each team whose Navigator, Captain or Djangonaut it names.
   */
  private static boolean belongsTo(Problem p, Team team, List<String> teamNames, Set<Long> captainIds,
      Set<Long> memberIds) {
    Optional<String> named = teamNames.stream()
        .filter(n -> p.message().startsWith(n + " ") || p.message().startsWith(n + ":"))
        .max(Comparator.comparingInt(String::length));
    if (named.isPresent()) {
      return named.get().equals(team.getName());
    }
    return (p.volunteerId() != null && (p.volunteerId().equals(team.getNavigatorVolunteerId())
        || captainIds.contains(p.volunteerId())))
        || (p.applicationId() != null && memberIds.contains(p.applicationId()));
  }

  /** Which rule of {@link TeamFormation} a problem breaks, named as the team page shows it. */
  static RuleView rule(Problem p) {
    String m = p.message();
    String rule;
    if (m.contains("offered to take")) {
      rule = "Capacity";
    } else if (m.contains(" hours ")) {
      rule = "Hours shared";
    } else if (m.contains("does not know") || m.contains(" asked for ")) {
      rule = "Project";
    } else if (m.contains("a team has")) {
      rule = "Team size";
    } else if (m.contains("not in a team") || m.contains("in two teams")) {
      rule = "Every Djangonaut in one team";
    } else {
      rule = "Approved people";
    }
    return new RuleView(rule, m);
  }

}
