package space.djangonaut.missioncontrol.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An organiser's choice of team for a Djangonaut who accepted their place after the teams were formed
 * ({@code forms/place-in-team.form}); the component is the form's field key.
 */
public record TeamPlacement(
    @NotBlank(message = "choose the team by its name, as listed.")
    @Size(max = 120, message = "keep this to {max} characters.") String teamName) {}
