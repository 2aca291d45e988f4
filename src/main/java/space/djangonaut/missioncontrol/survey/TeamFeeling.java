package space.djangonaut.missioncontrol.survey;

/** The mid-point check's "How is your team working for you?" */
public enum TeamFeeling {
  WELL("It works well"),
  MIXED("Some things work, some do not"),
  STRUGGLING("It is not working for me");

  private final String label;

  TeamFeeling(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
