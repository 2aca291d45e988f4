package space.djangonaut.missioncontrol.team;

import jakarta.validation.constraints.NotNull;

/** The organiser's choice in {@code forms/replace-volunteer.form}: the id of the volunteer who takes over. */
public record ReplacementChoice(
    @NotNull(message = "write the number (#) of one of the volunteers who fit.") Long replacementVolunteerId) {}
