package space.djangonaut.missioncontrol.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.common.UtcSpan;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;
import space.djangonaut.missioncontrol.team.TeamFormation.Mentor;

/** An organiser's changes to the proposed teams, written as instructions in Task_ConfirmTeams. */
@Service
public class TeamAdjustments {

  private static final Pattern MOVE = Pattern.compile("^\\s*move\\s+#(\\d+)\\s+to\\s+(.+?)\\s*$",
      Pattern.CASE_INSENSITIVE);

  private final TeamService teamService;
  private final DisplayZone displayZone;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;

  TeamAdjustments(TeamService teamService, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, DisplayZone displayZone) {
    this.displayZone = displayZone;
    this.teamService = teamService;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
  }

  /**
   * Applies the organiser's adjustments, one per line: {@code move #<application id> to <team name>}. A Djangonaut
   * left out of every team is placed with the Captain who shares most hours with them and has a free place.
   *
   * Then every confirmed Djangonaut of the cohort must be in a team: the teams are not confirmed while one is left
   * out (issue 9: never a silently teamless Djangonaut), and the refusal names each with the ways out. And every
   * rule of {@link TeamFormation} is checked again on the teams as they now are ({@link TeamService#unmetRules}):
   * while one is unmet the teams are confirmed only if the organiser chose to ({@code confirmAnyway}, issue 11).
   *
   * @return the rules unmet that the organiser confirmed anyway, in words; empty when every rule holds
   * @throws BadUserRequestException naming the line that cannot be applied, the confirmed Djangonauts still in no
   *     team, the teams without Djangonauts (even when confirming anyway), or each rule unmet when the organiser did not choose to confirm anyway; nothing changes then
   */
  @Transactional
  public List<String> apply(long cohortId, TeamAdjustmentRequest request) {
    String adjustments = request.teamAdjustments();
    if (adjustments != null && !adjustments.isBlank()) {
      move(cohortId, adjustments);
    }
    List<Application> teamless = applications.findByCohortIdAndStatus(cohortId, ApplicationStatus.CONFIRMED).stream()
        .filter(a -> members.findByApplicationId(a.getId()).isEmpty())
        .sorted(Comparator.comparing(Application::getId)).toList();
    if (!teamless.isEmpty()) {
      List<String> names = teamless.stream().map(a -> a.getName() + " (#" + a.getId() + ")").toList();
      throw new BadUserRequestException("teamAdjustments: " + String.join(", ", names)
          + (names.size() == 1 ? " is" : " are") + " in no team. Move each into a team (a line such as \"move #"
          + teamless.get(0).getId() + " to Team 1\"), or withdraw them from the cohort (POST /api/applications/"
          + teamless.get(0).getId() + "/withdraw) before confirming: no Djangonaut is left without a team unnoticed.");
    }
    // A team without Djangonauts is no team: never confirmed, not even anyway (it would run its weeks for nobody,
    // and its Navigator would never hear they have no team). The organiser disbands it or fills it.
    List<Team> empty = teams.findByCohortIdOrderById(cohortId).stream()
        .filter(t -> members.findStayingByTeamId(t.getId()).isEmpty()).toList();
    if (!empty.isEmpty()) {
      List<String> names = empty.stream().map(Team::getName).toList();
      throw new BadUserRequestException("teamAdjustments: " + String.join(", ", names)
          + (names.size() == 1 ? " has" : " have") + " no Djangonaut, and a team without Djangonauts is never "
          + "confirmed, not even anyway. Disband " + (names.size() == 1 ? "it" : "each") + " on the team page (its "
          + "Navigator and Captains are then told they have no team), or move Djangonauts into it (a line such as "
          + "\"move #<application id> to " + names.get(0) + "\").");
    }
    List<String> unmet = teamService.unmetRules(cohortId).stream().map(TeamFormation.Problem::message).toList();
    if (!unmet.isEmpty() && !request.confirmingAnyway()) {
      throw new RulesUnmetException(unmet);
    }
    return unmet;
  }

  /**
   * The teams break rules and the organiser did not choose to confirm them anyway: the message names each rule, as
   * {@code confirmAnyway: ...} (the form's field for that choice).
   */
  public static class RulesUnmetException extends BadUserRequestException {

    private final transient List<String> rules;

    RulesUnmetException(List<String> rules) {
      super("confirmAnyway: the teams break " + rules.size() + (rules.size() == 1 ? " rule" : " rules") + ": "
          + String.join(" ", rules) + " Change the teams on the team page, or tick \"Confirm anyway\" to confirm "
          + "them as they are (your choice is recorded).");
      this.rules = List.copyOf(rules);
    }

    /** Each rule unmet, in words. */
    public List<String> rules() {
      return rules;
    }
  }

  private void move(long cohortId, String adjustments) {
    Map<String, Team> byName = new HashMap<>();
    teams.findByCohortIdOrderById(cohortId).forEach(t -> byName.put(t.getName().toLowerCase(), t));
    for (Move move : parse(adjustments)) {
      int line = move.line();
      long applicationId = move.applicationId();
      Team team = byName.get(move.teamName().toLowerCase());
      Application application = applications.findById(applicationId)
          .filter(a -> a.getCohort().getId().equals(cohortId) && a.getStatus() == ApplicationStatus.CONFIRMED)
          .orElseThrow(() -> new BadUserRequestException("teamAdjustments, line " + line + ": #" + applicationId
              + " is not a confirmed Djangonaut of this cohort."));
      if (team == null) {
        throw new BadUserRequestException("teamAdjustments, line " + line + ": there is no team \""
            + move.teamName() + "\".");
      }
      members.findByApplicationId(applicationId).ifPresentOrElse(
          member -> member.moveTo(team.getId(), member.getCaptainVolunteerId()),
          () -> members.save(new TeamMember(team.getId(), applicationId, captainFor(cohortId, application))));
    }
  }

  /**
   * What the organiser sees to place a Djangonaut who accepted after the teams were formed: who they are, and each
   * team of their cohort with its project, Navigator, size and the hours the team's Navigator shares with them. The
   * Djangonaut's availability is drawn in their zone, the organiser's own ({@link DisplayZone#of}) and UTC.
   *
   * @param organiser the Camunda user id of the task's assignee; {@code null} while nobody holds it (then the
   *     fallback zone, {@code missioncontrol.display-zone})
   */
  @Transactional(readOnly = true)
  public PlacementContext placementContext(long applicationId, String organiser) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    StringBuilder teamsText = new StringBuilder();
    TeamFormation formation = teamService.formation(application.getCohort().getId());
    for (Team team : teams.findByCohortIdOrderById(application.getCohort().getId())) {
      List<WeeklyAvailability> with = new ArrayList<>(teamService.teamAvailability(team));
      with.add(application.getAvailability());
      teamsText.append(team.getName()).append(" (").append(team.getProject()).append("), ")
          .append(members.findStayingByTeamId(team.getId()).size()).append(" Djangonauts")
          .append(team.getProject().equals(application.getProject()) ? ", same project" : "")
          .append(", with them would share ").append(UtcSpan.hours(formation.minutesEveryWeek(with)))
          .append(" hours in every week").append('\n');
    }
    return new PlacementContext("#" + application.getId() + " " + application.getName() + ", "
        + application.getProject() + ", available " + displayZone.describe(application.getAvailability(),
        application.getCohort().getStartsOn(), organiser),
        TeamPlanText.fit(teamsText.isEmpty() ? "No teams." : teamsText.toString()));
  }

  /**
   * Places a Djangonaut who accepted after the teams were formed in the team the organiser chose, with the Captain
   * who shares most hours with them and has a free place.
   *
   * @throws BadUserRequestException if the cohort has no team of that name, or no Captain has a free place; Tasklist
   *     shows it, and nothing changes
   */
  @Transactional
  public Team place(long applicationId, TeamPlacement placement) {
    Application application = applications.findWithCohort(applicationId).orElseThrow();
    long cohortId = application.getCohort().getId();
    List<Team> cohortTeams = teams.findByCohortIdOrderById(cohortId);
    Team team = cohortTeams.stream().filter(t -> t.getName().equalsIgnoreCase(placement.teamName().strip()))
        .findFirst().orElseThrow(() -> new BadUserRequestException("teamName: there is no team \""
            + placement.teamName().strip() + "\"; choose one of " + cohortTeams.stream().map(Team::getName).toList()
            + "."));
    members.findByApplicationId(applicationId).ifPresentOrElse(
        member -> member.moveTo(team.getId(), member.getCaptainVolunteerId()),
        () -> members.save(new TeamMember(team.getId(), applicationId, captainFor(cohortId, application))));
    return team;
  }

  /**
   * Reads the organiser's instructions, one per line: {@code move #<application id> to <team name>} (any case,
   * blank lines skipped).
   *
   * @throws BadUserRequestException naming the first line that is not such an instruction
   */
  static List<Move> parse(String adjustments) {
    List<Move> moves = new ArrayList<>();
    String[] lines = adjustments == null ? new String[0] : adjustments.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      Matcher matcher = MOVE.matcher(lines[i]);
      if (!matcher.matches()) {
        throw new BadUserRequestException("teamAdjustments, line " + (i + 1)
            + ": write \"move #<application id> to <team name>\".");
      }
      Long applicationId = id(matcher.group(1));
      if (applicationId == null) {
        throw new BadUserRequestException("teamAdjustments, line " + (i + 1) + ": #" + matcher.group(1)
            + " is not a confirmed Djangonaut of this cohort.");
      }
      moves.add(new Move(i + 1, applicationId, matcher.group(2)));
    }
    return moves;
  }

  /** The id these digits write, or null past the largest id there can be (so never an application's). */
  private static Long id(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  /** One instruction: move this Djangonaut (by application id) to the team with this name; {@code line} from 1. */
  record Move(int line, long applicationId, String teamName) {}

  private Long captainFor(long cohortId, Application application) {
    TeamService.Inputs inputs = teamService.inputs(cohortId);
    TeamFormation formation = teamService.formation(cohortId);
    Map<Long, Long> load = new HashMap<>();
    teams.findByCohortIdOrderById(cohortId).forEach(t -> members.findStayingByTeamId(t.getId())
        .forEach(m -> load.merge(m.getCaptainVolunteerId(), 1L, Long::sum)));
    return inputs.captains().stream().filter(c -> load.getOrDefault(c.volunteerId(), 0L) < c.capacity())
        .max(Comparator.comparingLong(c -> formation.minutesEveryWeek(List.of(c.availability(),
            application.getAvailability()))))
        .map(Mentor::volunteerId)
        .orElseThrow(() -> new BadUserRequestException("No Captain has a free place for #" + application.getId()));
  }
}
