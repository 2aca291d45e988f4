package space.djangonaut.missioncontrol.mentorship;

/** What the Captain's one-to-one form shows read-only: with whom, in which team, which week. */
public record OneToOneContext(String djangonautName, String teamName, String weekLabel) {}
