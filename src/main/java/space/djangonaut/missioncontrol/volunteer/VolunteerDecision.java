package space.djangonaut.missioncontrol.volunteer;

import jakarta.validation.constraints.NotNull;

/** The organiser's decision in {@code forms/approve-volunteer.form}. */
public record VolunteerDecision(@NotNull(message = "choose approve or decline.") Choice volunteerDecision) {

  /** The form's two options. */
  public enum Choice { APPROVE, DECLINE }
}
