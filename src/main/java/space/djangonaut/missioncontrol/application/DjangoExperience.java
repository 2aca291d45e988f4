package space.djangonaut.missioncontrol.application;

/** How much Django an applicant has used, as they say themselves. */
public enum DjangoExperience {
  NONE("I have not used Django yet"),
  TUTORIAL("I have done the Django tutorial"),
  PERSONAL("I have built personal projects with Django"),
  PROFESSIONAL("I use Django at work");

  private final String label;

  DjangoExperience(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
