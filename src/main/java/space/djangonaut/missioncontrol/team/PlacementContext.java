package space.djangonaut.missioncontrol.team;

/**
 * What {@code forms/place-in-team.form} shows read-only: the Djangonaut to place (project, weekly availability) and
 * the cohort's teams with their project, Navigator, size and the hours each shares with the Djangonaut.
 */
public record PlacementContext(String djangonautSummary, String teamChoices) {}
