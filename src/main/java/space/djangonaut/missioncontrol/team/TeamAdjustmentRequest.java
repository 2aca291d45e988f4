package space.djangonaut.missioncontrol.team;

import jakarta.validation.constraints.Size;

/**
 * The organiser's adjustments in {@code forms/confirm-teams.form}: one per line,
 * {@code move #<application id> to <team name>}; empty confirms the teams as proposed (or as changed on the team
 * page). {@code confirmAnyway} is the organiser's explicit choice to confirm teams that break a rule (issue 11);
 * without it such teams are refused, naming each rule.
 */
public record TeamAdjustmentRequest(
    @Size(max = 20_000, message = "keep the adjustments to {max} characters.") String teamAdjustments,
    Boolean confirmAnyway) {

  /** Whether the organiser chose to confirm the teams though a rule is unmet. */
  public boolean confirmingAnyway() {
    return Boolean.TRUE.equals(confirmAnyway);
  }
}
