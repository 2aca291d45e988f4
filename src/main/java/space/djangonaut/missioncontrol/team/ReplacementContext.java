package space.djangonaut.missioncontrol.team;

/**
 * What {@code forms/replace-volunteer.form} shows read-only: who steps down from which team, the volunteers who
 * fit in their place (by the rules of {@link TeamFormation}), and the others with why they do not.
 */
public record ReplacementContext(String steppingDown, String fittingReplacements, String otherVolunteers) {}
