package space.djangonaut.missioncontrol.mentorship;

/** What a check-in line names: a Django Trac ticket or a GitHub pull request. */
public enum ContributionKind {
  TICKET,
  PULL_REQUEST
}
