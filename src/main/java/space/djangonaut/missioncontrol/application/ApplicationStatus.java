package space.djangonaut.missioncontrol.application;

/** Where an application stands; the process moves it along. */
public enum ApplicationStatus {
  SUBMITTED,
  REVIEWED,
  /** The selection decided: accepted (and offered a place), waitlisted or rejected. */
  DECIDED,
  /** A place is offered and waits for the applicant's answer. */
  OFFERED,
  /** The applicant accepted the place: a Djangonaut of the cohort. */
  CONFIRMED,
  /** The applicant declined the offered place. */
  DECLINED,
  /** The offer's deadline passed without an answer. */
  EXPIRED,
  /** Still on the waitlist when the cohort started; kept on record. */
  WAITLIST_CLOSED
}
