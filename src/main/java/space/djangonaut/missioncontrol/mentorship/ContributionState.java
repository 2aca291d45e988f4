package space.djangonaut.missioncontrol.mentorship;

import java.util.Locale;

/**
 * Where a ticket or pull request stood that week, as the Navigator wrote it: a ticket is progressed or closed, a pull
 * request opened or merged.
 */
public enum ContributionState {
  PROGRESSED(ContributionKind.TICKET),
  CLOSED(ContributionKind.TICKET),
  OPENED(ContributionKind.PULL_REQUEST),
  MERGED(ContributionKind.PULL_REQUEST);

  private final ContributionKind kind;

  ContributionState(ContributionKind kind) {
    this.kind = kind;
  }

  /** The kind of contribution this state belongs to. */
  public ContributionKind kind() {
    return kind;
  }

  /** The word a Navigator writes, such as {@code progressed}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
