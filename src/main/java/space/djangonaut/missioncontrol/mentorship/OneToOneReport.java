package space.djangonaut.missioncontrol.mentorship;

import jakarta.validation.constraints.Size;

/** What a Captain records of a one-to-one ({@code forms/hold-one-to-one.form}); notes stay with Captains and organisers. */
public record OneToOneReport(
    Boolean oneToOneHeld,
    @Size(max = CheckInReport.MAX_TEXT, message = "keep this to {max} characters.") String oneToOneNotes) {

  /** An unticked box means not held. */
  public OneToOneReport {
    oneToOneHeld = Boolean.TRUE.equals(oneToOneHeld);
  }
}
