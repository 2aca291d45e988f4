package space.djangonaut.missioncontrol.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The organiser's note in {@code forms/follow-up-concern.form}: what they did about a mid-point concern. */
public record ConcernFollowUp(
    @NotBlank(message = "say what you did (or that nothing was needed, and why).")
    @Size(max = 4000, message = "please keep this to 4000 characters.") String followUp) {}
