package space.djangonaut.missioncontrol.application;

import java.util.Locale;

/** A reviewer's overall recommendation; the form's select values are the lower-case names. */
public enum Recommendation {
  ACCEPT,
  MAYBE,
  REJECT;

  /** The lower-case name: the form's select value, and what the decision tables of {@code bpmn/} compare. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
