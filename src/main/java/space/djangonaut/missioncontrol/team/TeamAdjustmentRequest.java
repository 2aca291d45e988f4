package space.djangonaut.missioncontrol.team;

import jakarta.validation.constraints.Size;

/**
 * The organiser's adjustments in {@code forms/confirm-teams.form}: one per line,
 * {@code move #<application id> to <team name>}; empty confirms the teams as proposed.
 */
public record TeamAdjustmentRequest(
    @Size(max = 20_000, message = "keep the adjustments to {max} characters.") String teamAdjustments) {}
