package space.djangonaut.missioncontrol.application;

/** A reviewer's overall recommendation; the form's select values are the lower-case names. */
public enum Recommendation {
  ACCEPT,
  MAYBE,
  REJECT
}
