package space.djangonaut.missioncontrol.volunteer;

/** What a volunteer does in a cohort; each role has its Camunda group. */
public enum VolunteerRole {
  /** Coaches a team of 3-4 Djangonauts and leads its weekly check-in. */
  NAVIGATOR("navigators"),
  /** Gives pastoral support: a one-to-one with each of their Djangonauts about every two weeks. */
  CAPTAIN("captains");

  private final String group;

  VolunteerRole(String group) {
    this.group = group;
  }

  public String group() {
    return group;
  }
}
