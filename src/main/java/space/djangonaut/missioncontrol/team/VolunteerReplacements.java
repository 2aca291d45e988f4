package space.djangonaut.missioncontrol.team;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import space.djangonaut.missioncontrol.application.Application;
import space.djangonaut.missioncontrol.application.ApplicationRepository;
import space.djangonaut.missioncontrol.cohort.Cohort;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.common.NotFoundException;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;
import space.djangonaut.missioncontrol.volunteer.VolunteerStatus;

/**
 * A Navigator or Captain who steps down from a team during the weeks: recorded (by them or an organiser), an
 * organiser chooses who takes over among the volunteers who fit the rules of team formation
 * ({@link TeamService#problemsIfReplaced}), the team is updated, and the new person and the team are told. The
 * team's weeks go on meanwhile.
 */
@Service
public class VolunteerReplacements {

  private final TeamService teamService;
  private final TeamRepository teams;
  private final TeamMemberRepository members;
  private final StepDownRepository stepDowns;
  private final VolunteerRepository volunteers;
  private final ApplicationRepository applications;
  private final CohortRepository cohorts;
  private final TeamWorkflow workflow;
  private final TeamConfirmation confirmation;
  private final MailService mail;
  private final Clock clock;

  VolunteerReplacements(TeamService teamService, TeamRepository teams, TeamMemberRepository members,
      StepDownRepository stepDowns, VolunteerRepository volunteers, ApplicationRepository applications,
      CohortRepository cohorts, TeamWorkflow workflow, TeamConfirmation confirmation, MailService mail,
      Clock clock) {
    this.confirmation = confirmation;
    this.teamService = teamService;
    this.teams = teams;
    this.members = members;
    this.stepDowns = stepDowns;
    this.volunteers = volunteers;
    this.applications = applications;
    this.cohorts = cohorts;
    this.workflow = workflow;
    this.mail = mail;
    this.clock = clock;
  }

  /** One volunteer an organiser may choose, and why they cannot take over (empty when they fit). */
  public record Option(long volunteerId, String name, List<String> reasons) {
    public boolean fits() {
      return reasons.isEmpty();
    }
  }

  /** What a completed replacement changed: the Camunda user ids whose open tasks in the team move. */
  public record Replacement(String leavingUserId, String replacementUserId) {}

  /**
   * Records that a volunteer steps down from a team and asks the team's process for a replacement. Recording it
   * twice before it is replaced returns the first record.
   *
   * @param byVolunteer whether the volunteer records it themselves (else an organiser does)
   * @throws NotFoundException if there is no such team
   * @throws NotInTeamException if the volunteer is neither the team's Navigator nor the Captain of one of its
   *     Djangonauts
   * @throws TeamsNotConfirmedException if the team is only proposed (Task_ConfirmTeams is open): there is nothing
   *     to step down from yet; nothing is recorded
   * @throws TeamWeeksOverException if the team's weeks are over (no process runs for it); nothing is recorded
   */
  @Transactional
  public StepDown stepDown(long teamId, long volunteerId, boolean byVolunteer) {
    // Locked, so that the same step-down sent twice at once is recorded once: the second waits, then finds it.
    Team team = teams.lockById(teamId).orElseThrow(() -> new NotFoundException("No team " + teamId + "."));
    VolunteerRole role = roleIn(team, volunteerId)
        .orElseThrow(() -> new NotInTeamException(volunteerId, team.getName()));
    if (!confirmed(team)) {
      throw new TeamsNotConfirmedException(team.getName(), cohorts.findById(team.getCohortId()).orElseThrow());
    }
    Optional<StepDown> open = stepDowns.findByTeamIdOrderById(teamId).stream()
        .filter(s -> s.getVolunteerId() == volunteerId && !s.isReplaced()).findFirst();
    if (open.isPresent()) {
      return open.get();
    }
    StepDown stepDown = stepDowns.saveAndFlush(new StepDown(teamId, volunteerId, role, clock.instant(), byVolunteer));
    if (!workflow.volunteerSteppedDown(teamId, stepDown.getId())) {
      throw new TeamWeeksOverException(team.getName());
    }
    return stepDown;
  }

  /**
   * The confirmed teams in which this volunteer is the Navigator or a Captain, for the page where they may step
   * down. Teams only proposed (Task_ConfirmTeams open) are not theirs yet: an organiser may still change them.
   */
  @Transactional(readOnly = true)
  public List<Team> teamsOf(long volunteerId) {
    Volunteer volunteer = volunteers.findById(volunteerId).orElseThrow();
    return teams.findByCohortIdOrderById(volunteer.getCohortId()).stream()
        .filter(t -> roleIn(t, volunteerId).isPresent()).filter(this::confirmed).toList();
  }

  /** Whether the volunteer is the Navigator or a Captain of the team, confirmed or only proposed. */
  boolean inTeam(long teamId, long volunteerId) {
    return teams.findById(teamId).flatMap(t -> roleIn(t, volunteerId)).isPresent();
  }

  /**
   * Whether the team is confirmed: formed, and no Task_ConfirmTeams of its cohort is open (while one is, the teams
   * are only proposed).
   */
  boolean confirmed(Team team) {
    return cohorts.findById(team.getCohortId()).map(c -> confirmation.openTask(c.getSlug()).isEmpty())
        .orElse(false);
  }

  /**
   * When the teams of this volunteer's cohort are formed, in people's words, while they are not confirmed yet
   * (before {@link Cohort#teamsFormAt()}, or while Task_ConfirmTeams is open); empty once they are confirmed, or if
   * the volunteer is not approved.
   */
  @Transactional(readOnly = true)
  public Optional<String> teamsPending(long volunteerId) {
    Volunteer volunteer = volunteers.findById(volunteerId).orElseThrow();
    if (volunteer.getStatus() != VolunteerStatus.APPROVED) {
      return Optional.empty();
    }
    Cohort cohort = cohorts.findById(volunteer.getCohortId()).orElseThrow();
    DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    if (clock.instant().isBefore(cohort.teamsFormAt())) {
      return Optional.of("The teams of " + cohort.getName() + " will be formed on " + day.format(cohort.teamsFormAt())
          + " (UTC); an organiser then confirms them and you get an email with your team.");
    }
    if (confirmation.openTask(cohort.getSlug()).isPresent()) {
      return Optional.of("The teams of " + cohort.getName() + " are being formed: an organiser is confirming them, "
          + "before the session starts on " + day.format(cohort.startsAt()) + ". You get an email with your team "
          + "once they are confirmed; until then nothing is final.");
    }
    return Optional.empty();
  }

  /**
   * The volunteers an organiser may choose from: every approved volunteer of the leaver's role in the cohort but
   * the leaver, those who fit first, each with why they do not fit (empty when they do).
   */
  @Transactional(readOnly = true)
  public List<Option> options(long stepDownId) {
    StepDown stepDown = byId(stepDownId);
    Team team = teams.findById(stepDown.getTeamId()).orElseThrow();
    Set<Long> leftThisTeam = stepDowns.findByTeamIdOrderById(team.getId()).stream().map(StepDown::getVolunteerId)
        .collect(Collectors.toSet());
    List<Option> options = new ArrayList<>();
    for (Volunteer v : volunteers.findByCohortIdAndStatusOrderBySubmittedAt(team.getCohortId(),
        VolunteerStatus.APPROVED)) {
      if (v.getRole() != stepDown.getRole() || leftThisTeam.contains(v.getId())) {
        continue;
      }
      options.add(new Option(v.getId(), v.getName(), teamService.problemsIfReplaced(team.getId(),
          stepDown.getVolunteerId(), v.getId(), stepDown.getRole())));
    }
    options.sort((a, b) -> Boolean.compare(b.fits(), a.fits()));
    return options;
  }

  /** What the organiser reads in Task_ReplaceVolunteer. */
  @Transactional(readOnly = true)
  public ReplacementContext replacementContext(long stepDownId) {
    StepDown stepDown = byId(stepDownId);
    Team team = teams.findById(stepDown.getTeamId()).orElseThrow();
    Volunteer leaver = volunteers.findById(stepDown.getVolunteerId()).orElseThrow();
    StringBuilder who = new StringBuilder(leaver.getName() + " steps down as " + roleName(stepDown.getRole())
        + " of " + team.getName() + " (" + team.getProject() + ")");
    if (stepDown.getRole() == VolunteerRole.CAPTAIN) {
      who.append(", Captain of ").append(String.join(", ", djangonautNames(captainsMembers(team, leaver.getId()))));
    }
    who.append(".");
    StringBuilder fitting = new StringBuilder();
    StringBuilder others = new StringBuilder();
    for (Option option : options(stepDownId)) {
      if (option.fits()) {
        fitting.append('#').append(option.volunteerId()).append(' ').append(option.name()).append('\n');
      } else {
        others.append('#').append(option.volunteerId()).append(' ').append(option.name()).append(": ")
            .append(String.join(" ", option.reasons())).append('\n');
      }
    }
    return new ReplacementContext(who.toString(),
        TeamPlanText.fit(fitting.isEmpty() ? "Nobody fits: ask another volunteer to sign up and be approved, then "
            + "open this task again." : fitting.toString().strip()),
        TeamPlanText.fit(others.isEmpty() ? "None." : others.toString().strip()));
  }

  /**
   * Puts the chosen volunteer in the leaver's place: the team's Navigator, or the Captain of each of the team's
   * Djangonauts the leaver looked after.
   *
   * @throws BadUserRequestException if the chosen volunteer is not among those who fit, with the reasons; nothing
   *     changes then
   */
  @Transactional
  public Replacement replace(long stepDownId, ReplacementChoice choice) {
    StepDown stepDown = byId(stepDownId);
    // The team's row first, as stepDown takes it: the two never wait for each other in opposite orders.
    teams.lockById(stepDown.getTeamId());
    long chosen = choice.replacementVolunteerId();
    Option option = options(stepDownId).stream().filter(o -> o.volunteerId() == chosen).findFirst()
        .orElseThrow(() -> new BadUserRequestException("replacementVolunteerId: #" + chosen + " is not an approved "
            + roleName(stepDown.getRole()) + " of this cohort who may take over; choose one of those listed."));
    if (!option.fits()) {
      throw new BadUserRequestException("replacementVolunteerId: #" + chosen + " " + option.name()
          + " does not fit: " + String.join(" ", option.reasons()));
    }
    Team team = teams.findById(stepDown.getTeamId()).orElseThrow();
    if (stepDown.getRole() == VolunteerRole.NAVIGATOR) {
      team.replaceNavigator(chosen);
    } else {
      captainsMembers(team, stepDown.getVolunteerId()).forEach(m -> m.moveTo(m.getTeamId(), chosen));
    }
    stepDown.replacedBy(chosen, clock.instant());
    return new Replacement(volunteers.findById(stepDown.getVolunteerId()).orElseThrow().getUserId(),
        volunteers.findById(chosen).orElseThrow().getUserId());
  }

  /**
   * Tells the new Navigator or Captain what they take over, and the team: for a new Navigator every Djangonaut and
   * Captain of the team, for a new Captain the Djangonauts they now look after and the team's Navigator.
   *
   * @return the number of emails sent
   */
  @Transactional
  public int announce(long stepDownId, Step step) {
    StepDown stepDown = byId(stepDownId);
    Team team = teams.findById(stepDown.getTeamId()).orElseThrow();
    Volunteer leaver = volunteers.findById(stepDown.getVolunteerId()).orElseThrow();
    Volunteer replacement = volunteers.findById(stepDown.getReplacementVolunteerId()).orElseThrow();
    List<TeamMember> concerned = stepDown.getRole() == VolunteerRole.NAVIGATOR
        ? members.findByTeamIdOrderById(team.getId()) : captainsMembers(team, replacement.getId());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("cohort", cohorts.findById(team.getCohortId()).orElseThrow());
    model.put("teamName", team.getName());
    model.put("project", team.getProject());
    model.put("role", roleName(stepDown.getRole()));
    model.put("leaverName", leaver.getName());
    model.put("replacementName", replacement.getName());
    model.put("djangonauts", djangonautNames(concerned));
    int sent = 0;
    Map<String, Object> toReplacement = new LinkedHashMap<>(model);
    toReplacement.put("name", replacement.getName());
    mail.send(replacement.getEmail(), MailTemplate.VOLUNTEER_TAKES_OVER, toReplacement, step);
    sent++;
    Map<String, String> recipients = new LinkedHashMap<>();
    concerned.forEach(m -> applications.findById(m.getApplicationId())
        .ifPresent(a -> recipients.putIfAbsent(a.getEmail(), a.getName())));
    if (stepDown.getRole() == VolunteerRole.NAVIGATOR) {
      members.findByTeamIdOrderById(team.getId()).stream().map(TeamMember::getCaptainVolunteerId).distinct()
          .map(id -> volunteers.findById(id).orElseThrow()).forEach(c -> recipients.putIfAbsent(c.getEmail(), c.getName()));
    } else {
      Volunteer navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow();
      recipients.putIfAbsent(navigator.getEmail(), navigator.getName());
    }
    recipients.remove(replacement.getEmail());
    for (Map.Entry<String, String> recipient : recipients.entrySet()) {
      Map<String, Object> told = new LinkedHashMap<>(model);
      told.put("name", recipient.getValue());
      mail.send(recipient.getKey(), MailTemplate.TEAM_VOLUNTEER_CHANGED, told, step);
      sent++;
    }
    return sent;
  }

  @Transactional(readOnly = true)
  public StepDown byId(long stepDownId) {
    return stepDowns.findById(stepDownId).orElseThrow(() -> new NotFoundException("No step-down " + stepDownId + "."));
  }

  private Optional<VolunteerRole> roleIn(Team team, long volunteerId) {
    if (team.getNavigatorVolunteerId() == volunteerId) {
      return Optional.of(VolunteerRole.NAVIGATOR);
    }
    return members.findByTeamIdOrderById(team.getId()).stream().anyMatch(m -> m.getCaptainVolunteerId() == volunteerId)
        ? Optional.of(VolunteerRole.CAPTAIN) : Optional.empty();
  }

  private List<TeamMember> captainsMembers(Team team, long captainId) {
    return members.findByTeamIdOrderById(team.getId()).stream()
        .filter(m -> m.getCaptainVolunteerId() == captainId).toList();
  }

  private List<String> djangonautNames(List<TeamMember> teamMembers) {
    return teamMembers.stream().map(m -> applications.findById(m.getApplicationId()).map(Application::getName)
        .orElse("?")).toList();
  }

  private static String roleName(VolunteerRole role) {
    return role == VolunteerRole.NAVIGATOR ? "Navigator" : "Captain";
  }

  /** The volunteer has no part in the team they would step down from. */
  public static class NotInTeamException extends RuntimeException {
    NotInTeamException(long volunteerId, String teamName) {
      super("Volunteer #" + volunteerId + " is neither the Navigator of " + teamName + " nor a Captain in it.");
    }
  }

  /** The team is only proposed: an organiser has not confirmed the teams of its cohort yet. */
  public static class TeamsNotConfirmedException extends RuntimeException {
    TeamsNotConfirmedException(String teamName, Cohort cohort) {
      super("You cannot step down from " + teamName + " yet: the teams of " + cohort.getName() + " are only "
          + "proposed, and an organiser has not confirmed them. Nothing was recorded. If you can no longer take part,"
          + " please tell the organisers: until they confirm the teams, they can still change them.");
    }
  }

  /** The team's weeks are over: there is nothing left to take over. */
  public static class TeamWeeksOverException extends RuntimeException {
    TeamWeeksOverException(String teamName) {
      super("The weeks of " + teamName + " are over: there is nobody to replace.");
    }
  }
}
