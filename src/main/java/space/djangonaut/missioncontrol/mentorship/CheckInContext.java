package space.djangonaut.missioncontrol.mentorship;

/** What the Navigator's check-in form shows read-only: the team and who is in it. */
public record CheckInContext(String teamName, String teamProject, String teamMembers, String weekLabel) {}
