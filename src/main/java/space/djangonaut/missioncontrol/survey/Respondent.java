package space.djangonaut.missioncontrol.survey;

/** Who answers the survey: the questions differ for Djangonauts and volunteers. */
public enum Respondent {
  DJANGONAUT,
  NAVIGATOR,
  CAPTAIN;

  public boolean isVolunteer() {
    return this != DJANGONAUT;
  }
}
