package space.djangonaut.missioncontrol.application;

import java.util.Locale;

/** The selection's decision on an application, as carried by {@code Message_SelectionDecided}. */
public enum Outcome {
  ACCEPTED,
  WAITLISTED,
  REJECTED;

  /** The value of the process variable {@code outcome} that the gateway reads. */
  public String variableValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads "accepted", "waitlisted" or "rejected" in any case.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Outcome parse(String value) {
    if (value != null) {
      for (Outcome outcome : values()) {
        if (outcome.variableValue().equalsIgnoreCase(value.strip())) {
          return outcome;
        }
      }
    }
    throw new IllegalArgumentException("outcome must be one of accepted, waitlisted, rejected");
  }
}
