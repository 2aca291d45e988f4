package space.djangonaut.missioncontrol.application;

/** Where an application stands; the process moves it along. */
public enum ApplicationStatus {
  /** In review: its two reviews are not both in yet. */
  SUBMITTED,
  /**
   * Its two reviews disagree and a third (an organiser's tie-break) is still to come: still in review, so neither
   * ranked nor decided.
   */
  AWAITING_TIE_BREAK,
  /** Every review is in (tie-break included): ranked, and waiting for the selection's decision. */
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
  /** Still on the waitlist when the teams were formed (week 0); kept on record. */
  WAITLIST_CLOSED,
  /**
   * The person left while their application or place was live: a Djangonaut who withdrew (through the link in their
   * emails, or an organiser for them), or a person whose data was erased before their part ended. Neither in review,
   * nor ranked, nor offered; a Djangonaut withdrawn from a team is counted in the impact report.
   */
  WITHDRAWN
}
