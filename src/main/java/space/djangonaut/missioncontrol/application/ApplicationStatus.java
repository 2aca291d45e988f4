package space.djangonaut.missioncontrol.application;

/** Where an application stands; the process moves it along. */
public enum ApplicationStatus {
  SUBMITTED,
  REVIEWED,
  DECIDED
}
