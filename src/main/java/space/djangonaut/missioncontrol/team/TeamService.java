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
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.application.ApplicationStatus;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
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

/** A cohort's teams: formed from the confirmed Djangonauts and approved volunteers, adjusted, welcomed. */
@Service
public class TeamService {

  private static final Pattern MOVE = Pattern.compile("^\\s*move\\s+#(\\d+)\\s+to\\s+(.+?)\\s*$",
      Pattern.CASE_INSENSITIVE);

  private final CohortRepository cohorts;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final ApplicationRepository applications;
  private final VolunteerRepository volunteers;
  private final MailService mail;
  private final TeamFormation formation = new TeamFormation();

  TeamService(CohortRepository cohorts, TeamRepository teams, TeamMemberRepository members,
      ApplicationRepository applications, VolunteerRepository volunteers, MailService mail) {
    this.cohorts = cohorts;
    this.teams = teams;
    this.members = members;
    this.applications = applications;
    this.volunteers = volunteers;
    this.mail = mail;
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
    TeamPlan plan = formation.form(inputs.candidates(), inputs.navigators(), inputs.captains());
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
    List<Problem> problems = new ArrayList<>(formation.check(currentPlan(cohortId), inputs.candidates(),
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

  /** The teams as the organiser reads them in Task_ConfirmTeams. */
  @Transactional(readOnly = true)
  public String planText(long cohortId) {
    Map<Long, String> names = volunteerNames(cohortId);
    StringBuilder text = new StringBuilder();
    for (Team team : teams.findByCohortIdOrderById(cohortId)) {
      text.append(team.getName()).append(" (").append(team.getProject()).append("), Navigator ")
          .append(names.get(team.getNavigatorVolunteerId())).append('\n');
      for (TeamMember member : members.findByTeamIdOrderById(team.getId())) {
        Application a = applications.findById(member.getApplicationId()).orElseThrow();
        text.append("  #").append(a.getId()).append(' ').append(a.getName()).append(", ranked ")
            .append(a.getRanking()).append(", Captain ").append(names.get(member.getCaptainVolunteerId()))
            .append('\n');
      }
    }
    return text.isEmpty() ? "No teams could be formed." : text.toString();
  }

  @Transactional(readOnly = true)
  public String problemsText(long cohortId) {
    List<Problem> problems = problems(cohortId);
    return problems.isEmpty() ? "None: every rule holds."
        : problems.stream().map(p -> "- " + p.message()).collect(Collectors.joining("\n"));
  }

  /**
   * Applies the organiser's adjustments, one per line: {@code move #<application id> to <team name>}. A Djangonaut
   * left out of every team is placed with the Captain who shares most hours with them and has a free place.
   *
   * @throws BadUserRequestException naming the line that cannot be applied; nothing changes then
   */
  @Transactional
  public void adjust(long cohortId, String adjustments) {
    if (adjustments == null || adjustments.isBlank()) {
      return;
    }
    Map<String, Team> byName = new HashMap<>();
    teams.findByCohortIdOrderById(cohortId).forEach(t -> byName.put(t.getName().toLowerCase(), t));
    String[] lines = adjustments.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      int line = i + 1;
      Matcher matcher = MOVE.matcher(lines[i]);
      if (!matcher.matches()) {
        throw new BadUserRequestException("teamAdjustments, line " + line
            + ": write \"move #<application id> to <team name>\".");
      }
      long applicationId = Long.parseLong(matcher.group(1));
      Team team = byName.get(matcher.group(2).toLowerCase());
      Application application = applications.findById(applicationId)
          .filter(a -> a.getCohort().getId().equals(cohortId) && a.getStatus() == ApplicationStatus.CONFIRMED)
          .orElseThrow(() -> new BadUserRequestException("teamAdjustments, line " + line + ": #" + applicationId
              + " is not a confirmed Djangonaut of this cohort."));
      if (team == null) {
        throw new BadUserRequestException("teamAdjustments, line " + line + ": there is no team \""
            + matcher.group(2) + "\".");
      }
      members.findByApplicationId(applicationId).ifPresentOrElse(
          member -> member.moveTo(team.getId(), member.getCaptainVolunteerId()),
          () -> members.save(new TeamMember(team.getId(), applicationId, captainFor(cohortId, application))));
    }
  }

  /**
   * Sends each team's welcome with the week-0 preparation, to its Djangonauts, Navigator and Captains.
   *
   * @return the number of emails sent
   */
  @Transactional
  public int sendWelcome(long cohortId, Step step) {
    Cohort cohort = cohorts.findById(cohortId).orElseThrow();
    int sent = 0;
    for (Team team : teams.findByCohortIdOrderById(cohortId)) {
      List<TeamMember> teamMembers = members.findByTeamIdOrderById(team.getId());
      List<Application> djangonauts = teamMembers.stream()
          .map(m -> applications.findById(m.getApplicationId()).orElseThrow()).toList();
      Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
      List<Volunteer> captains = teamMembers.stream().map(TeamMember::getCaptainVolunteerId).distinct()
          .map(id -> volunteers.findById(id).orElseThrow()).toList();
      Map<String, String> recipients = new LinkedHashMap<>();
      djangonauts.forEach(a -> recipients.putIfAbsent(a.getEmail(), a.getName()));
      recipients.putIfAbsent(navigator.getEmail(), navigator.getName());
      captains.forEach(c -> recipients.putIfAbsent(c.getEmail(), c.getName()));
      for (var recipient : recipients.entrySet()) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", recipient.getValue());
        model.put("cohort", cohort);
        model.put("teamName", team.getName());
        model.put("project", team.getProject());
        model.put("navigatorName", navigator.getName());
        model.put("djangonauts", djangonauts.stream().map(Application::getName).toList());
        model.put("captains", captains.stream().map(Volunteer::getName).toList());
        mail.send(recipient.getKey(), MailTemplate.TEAM_WELCOME, model, step, "team-" + team.getId());
        sent++;
      }
    }
    return sent;
  }

  private Long captainFor(long cohortId, Application application) {
    Inputs inputs = inputs(cohortId);
    Map<Long, Long> load = new HashMap<>();
    teams.findByCohortIdOrderById(cohortId).forEach(t -> members.findByTeamIdOrderById(t.getId())
        .forEach(m -> load.merge(m.getCaptainVolunteerId(), 1L, Long::sum)));
    return inputs.captains().stream().filter(c -> load.getOrDefault(c.volunteerId(), 0L) < c.capacity())
        .max(Comparator.comparingInt(c -> c.availability().overlapHours(application.getAvailability())))
        .map(Mentor::volunteerId)
        .orElseThrow(() -> new BadUserRequestException("No Captain has a free place for #" + application.getId()));
  }

  private TeamPlan currentPlan(long cohortId) {
    List<PlannedTeam> planned = teams.findByCohortIdOrderById(cohortId).stream()
        .map(t -> new PlannedTeam(t.getName(), t.getProject(), t.getNavigatorVolunteerId(),
            members.findByTeamIdOrderById(t.getId()).stream()
                .map(m -> new PlannedMember(m.getApplicationId(), m.getCaptainVolunteerId())).toList()))
        .toList();
    return new TeamPlan(planned, List.of());
  }

  private Inputs inputs(long cohortId) {
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

  private Map<Long, String> volunteerNames(long cohortId) {
    Map<Long, String> names = new HashMap<>();
    volunteers.findByCohortIdOrderBySubmittedAt(cohortId).forEach(v -> names.put(v.getId(), v.getName()));
    return names;
  }

  private static List<Mentor> concat(List<Mentor> a, List<Mentor> b) {
    List<Mentor> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private record Inputs(List<Candidate> candidates, List<Mentor> navigators, List<Mentor> captains) {}
}
