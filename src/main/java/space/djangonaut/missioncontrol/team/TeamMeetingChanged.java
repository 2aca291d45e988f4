package space.djangonaut.missioncontrol.team;

/**
 * Published, in the transaction that saved it, when a team's Navigator chose or moved its weekly check-in: the
 * invitations go out again and the open check-in tasks take the new due dates.
 *
 * @param sequence the meeting's new iCalendar SEQUENCE
 */
public record TeamMeetingChanged(long teamId, int sequence) {}
