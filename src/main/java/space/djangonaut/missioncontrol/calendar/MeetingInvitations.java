package space.djangonaut.missioncontrol.calendar;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.cohort.CohortRepository;
import space.djangonaut.missioncontrol.mail.MailService;
import space.djangonaut.missioncontrol.mail.MailTemplate;
import space.djangonaut.missioncontrol.mail.Step;
import space.djangonaut.missioncontrol.team.TeamMeetingChanged;
import space.djangonaut.missioncontrol.team.TeamRepository;
import space.djangonaut.missioncontrol.volunteer.VolunteerRepository;

/**
 * When a Navigator chooses or moves the weekly check-in, everyone in the team is sent the invitation
 * ({@code meeting-invitation}, the iCalendar REQUEST attached, with the meeting's SEQUENCE) and a new personal
 * calendar link, through the outbox in the transaction that saved the meeting.
 */
@Component
class MeetingInvitations {

  private final TeamCalendar calendars;
  private final CalendarFeeds feeds;
  private final MailService mail;
  private final TeamRepository teams;
  private final CohortRepository cohorts;
  private final VolunteerRepository volunteers;

  MeetingInvitations(TeamCalendar calendars, CalendarFeeds feeds, MailService mail, TeamRepository teams,
      CohortRepository cohorts, VolunteerRepository volunteers) {
    this.calendars = calendars;
    this.feeds = feeds;
    this.mail = mail;
    this.teams = teams;
    this.cohorts = cohorts;
    this.volunteers = volunteers;
  }

  @EventListener
  void send(TeamMeetingChanged changed) {
    var team = teams.findById(changed.teamId()).orElseThrow();
    var cohort = cohorts.findById(team.getCohortId()).orElseThrow();
    String navigator = volunteers.findById(team.getNavigatorVolunteerId()).orElseThrow().getName();
    // One email per member and SEQUENCE: moving the meeting again sends again; a retried request does not.
    Step step = new Step("team-" + team.getId() + "-meeting", "sequence-" + changed.sequence());
    for (TeamCalendar.Member member : calendars.members(team.getId())) {
      Map<String, Object> model = new HashMap<>();
      model.put("cohort", cohort);
      model.put("name", member.name());
      model.put("teamName", team.getName());
      model.put("navigatorName", navigator);
      model.put("moved", changed.sequence() > 0);
      model.put("meetingWhen", calendars.describe(team.getId(), member.zone()));
      model.put("meetingWeeks", calendars.weeksIn(team.getId(), member.zone()));
      model.put("feedPath", feeds.issue(team.getId(), member));
      mail.send(member.email(), MailTemplate.MEETING_INVITATION, model, step, "",
          TeamCalendar.text(calendars.invitation(team.getId(), member)));
    }
  }
}
