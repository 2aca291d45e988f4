package space.djangonaut.missioncontrol.team;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import space.djangonaut.missioncontrol.common.DisplayZone;
import space.djangonaut.missioncontrol.common.NotFoundException;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.volunteer.Volunteer;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * The page a signed-in Navigator or Captain reaches from their team emails and lands on after signing in
 * ({@code /my/teams}): their teams of every role and cohort (one account for all of them), each with its roster
 * ({@code /my/teams/{teamId}}, their own teams only) and a button to step down from it. An organiser then chooses
 * who takes over. On the team's page its Navigator chooses the weekly check-in among the times the team shares
 * ({@link TeamMeetings}), offered in the check-in's zone once there is one, else in the Navigator's own
 * ({@link DisplayZone#of}).
 */
@Controller
class MyTeamsController {

  private final VolunteerReplacements replacements;
  private final VolunteerRepository volunteers;
  private final TeamRoster rosters;
  private final TeamMeetings meetings;
  private final TeamRepository teams;
  private final DisplayZone displayZone;

  MyTeamsController(VolunteerReplacements replacements, VolunteerRepository volunteers, TeamRoster rosters,
      TeamMeetings meetings, TeamRepository teams, DisplayZone displayZone) {
    this.displayZone = displayZone;
    this.replacements = replacements;
    this.volunteers = volunteers;
    this.rosters = rosters;
    this.meetings = meetings;
    this.teams = teams;
  }

  /** One of the signed-in volunteer's teams, and their role in it ({@code Navigator} or {@code Captain}). */
  record MyTeam(long teamId, String name, String project, long volunteerId, String role) {}

  @GetMapping("/my/teams")
  String teams(Principal user, Model model) {
    List<MyTeam> mine = new ArrayList<>();
    Set<String> pending = new LinkedHashSet<>();
    for (Volunteer v : volunteers.findByUserId(user.getName())) {
      replacements.teamsOf(v.getId()).forEach(t -> mine.add(new MyTeam(t.getId(), t.getName(), t.getProject(),
          v.getId(), v.getId().equals(t.getNavigatorVolunteerId()) ? "Navigator" : "Captain")));
      replacements.teamsPending(v.getId()).ifPresent(pending::add);
    }
    model.addAttribute("teams", mine);
    // Teams only proposed are not shown (nor their people's contacts): when they will be, instead.
    model.addAttribute("pending", List.copyOf(pending));
    return "volunteer/my-teams";
  }

  /**
   * The roster of one of the signed-in person's teams: who is whose Captain, and how to reach everyone.
   *
   * @throws NotFoundException if they are neither its Navigator nor one of its Captains, or the team is only
   *     proposed (a 404 page, the same as for a team that does not exist)
   */
  @GetMapping("/my/teams/{teamId}")
  String roster(@PathVariable long teamId, @RequestParam(required = false) String zone, Principal user,
      Model model) {
    String page = rosterPage(teamId, user, model);
    meeting(teamId, zone, user, model);
    return page;
  }

  /**
   * The Navigator chooses or moves the team's weekly check-in ({@code slot} such as {@code MONDAY 16:00}, in
   * {@code zone}); everyone in the team is sent the invitation again. A time outside the hours the team shares is
   * refused with HTTP 400 and the field and reason on the page.
   *
   * @throws NotFoundException if the signed-in person is not the team's Navigator (a 404 page)
   */
  @PostMapping("/my/teams/{teamId}/meeting")
  String chooseMeeting(@PathVariable long teamId, @RequestParam(required = false) String slot,
      @RequestParam(required = false) String zone, Principal user, Model model, HttpServletResponse response,
      RedirectAttributes redirect) {
    String page = rosterPage(teamId, user, model);
    if (!navigates(teamId, user)) {
      throw new NotFoundException("You are not the Navigator of team " + teamId + ".");
    }
    try {
      meetings.choose(teamId, slot, zone);
    } catch (TeamMeetings.MeetingTimeRefusedException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("meetingError", e.getMessage());
      meeting(teamId, ProgrammeOptions.TIMEZONES.contains(zone) ? zone : null, user, model);
      model.addAttribute("chosen", slot == null ? "" : slot);
      return page;
    }
    redirect.addFlashAttribute("notice", "The weekly check-in is set; everyone in the team gets the invitation.");
    return "redirect:/my/teams/" + teamId;
  }

  private String rosterPage(long teamId, Principal user, Model model) {
    boolean confirmed = volunteers.findByUserId(user.getName()).stream()
        .anyMatch(v -> replacements.teamsOf(v.getId()).stream().anyMatch(t -> t.getId() == teamId));
    model.addAttribute("roster", rosters.ofUser(user.getName(), teamId).filter(r -> confirmed)
        .orElseThrow(() -> new NotFoundException("You are not in team " + teamId + ".")));
    return "volunteer/team-roster";
  }

  /** The check-in on the page: when it is, and for the Navigator the times on offer in the zone they look at. */
  private void meeting(long teamId, String zone, Principal user, Model model) {
    var meeting = meetings.meetingOf(teamId);
    meeting.ifPresent(m -> model.addAttribute("meeting", new TeamMeetings.Slot(m.getDayOfWeek(), m.getStartTime())
        .label() + "-" + m.getStartTime().plus(m.getDuration()) + " " + m.getZone().getId()));
    boolean navigator = navigates(teamId, user);
    model.addAttribute("navigator", navigator);
    if (navigator) {
      // Before a check-in is chosen, the times are offered in the Navigator's own zone (/my/settings).
      String own = displayZone.of(user.getName()).getId();
      String shown = zone != null && ProgrammeOptions.TIMEZONES.contains(zone) ? zone
          : meeting.map(m -> m.getZone().getId()).orElse(ProgrammeOptions.isOfferedZone(own) ? own : "UTC");
      model.addAttribute("meetingZone", shown);
      model.addAttribute("zones", ProgrammeOptions.TIMEZONES);
      model.addAttribute("offered", meetings.offered(teamId, ZoneId.of(shown)));
      model.addAttribute("chosen", meeting.map(m -> new TeamMeetings.Slot(m.getDayOfWeek(), m.getStartTime())
          .value()).orElse(""));
      model.addAttribute("sharedHours", meetings.sharedHours(teamId).describe());
    }
  }

  private boolean navigates(long teamId, Principal user) {
    return teams.findById(teamId).map(t -> volunteers.findByUserId(user.getName()).stream()
        .anyMatch(v -> v.getId().equals(t.getNavigatorVolunteerId()))).orElse(false);
  }

  /**
   * The signed-in volunteer steps down from one of their teams, in the role of the sign-up {@code volunteerId} (one
   * of theirs; without it, their first sign-up in the team).
   *
   * @throws NotFoundException if it is not one of their teams (a 404 page)
   */
  @PostMapping("/my/teams/{teamId}/step-down")
  String stepDown(@PathVariable long teamId, @RequestParam(required = false) Long volunteerId, Principal user,
      RedirectAttributes redirect) {
    // Someone may be the team's Navigator and one of its Captains: the form names the sign-up (the role) they leave.
    // Their sign-ups in the team, confirmed or only proposed: a proposed team gets a plain refusal, never a 404.
    Volunteer volunteer = volunteers.findByUserId(user.getName()).stream()
        .filter(v -> volunteerId == null || v.getId().equals(volunteerId))
        .filter(v -> replacements.inTeam(teamId, v.getId())).findFirst()
        .orElseThrow(() -> new NotFoundException("You are not in team " + teamId + "."));
    try {
      replacements.stepDown(teamId, volunteer.getId(), true);
      redirect.addFlashAttribute("notice", "Thank you for telling us. An organiser will choose who takes over; "
          + "until then your tasks stay with you.");
    } catch (VolunteerReplacements.TeamsNotConfirmedException | VolunteerReplacements.TeamWeeksOverException e) {
      redirect.addFlashAttribute("notice", e.getMessage());
    }
    return "redirect:/my/teams";
  }
}
