package space.djangonaut.missioncontrol.survey;

/** "Do you feel more, the same or less comfortable ...?" */
public enum Comfort {
  MORE("More comfortable"),
  SAME("About the same"),
  LESS("Less comfortable");

  private final String label;

  Comfort(String label) {
    this.label = label;
  }

  public String getLabel() {
    return label;
  }
}
