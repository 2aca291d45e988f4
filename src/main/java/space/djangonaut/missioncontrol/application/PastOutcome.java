package space.djangonaut.missioncontrol.application;

import java.util.Locale;

/**
 * How an earlier application of the same person ended, as organisers see it on a new one (and as a retention record
 * keeps it once the application is erased).
 */
public enum PastOutcome {
  /** Accepted a place: a Djangonaut of that cohort. */
  DJANGONAUT("was a Djangonaut"),
  /** Waitlisted, and not offered a place before the waitlist closed (or still on it). */
  WAITLISTED("was waitlisted"),
  /** Rejected by the selection. */
  REJECTED("was not selected"),
  /** Left during review, or withdrew from a place or a team. */
  WITHDREW("withdrew"),
  /** Offered a place and declined it, or did not answer in time. */
  DECLINED("declined a place"),
  /** Still in review or waiting for the selection. */
  IN_PROGRESS("is being decided");

  private final String words;

  PastOutcome(String words) {
    this.words = words;
  }

  /** The word stored in {@code retention_record.outcome}, such as {@code waitlisted}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** What organisers read: "was waitlisted". */
  public String words() {
    return words;
  }

  static PastOutcome ofWord(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** How an application ended, or where it stands. */
  static PastOutcome of(Application application) {
    return switch (application.getStatus()) {
      case CONFIRMED -> DJANGONAUT;
      case WITHDRAWN -> WITHDREW;
      case WAITLIST_CLOSED -> WAITLISTED;
      case DECLINED, EXPIRED -> DECLINED;
      case SUBMITTED, AWAITING_TIE_BREAK, REVIEWED, OFFERED -> IN_PROGRESS;
      case DECIDED -> application.getOutcome() == Outcome.WAITLISTED ? WAITLISTED
          : application.getOutcome() == Outcome.REJECTED ? REJECTED : IN_PROGRESS;
    };
  }
}
