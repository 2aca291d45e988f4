package space.djangonaut.missioncontrol.survey;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The mid-point check's answers: two choices, an optional line on what is in the way, and a call-back wish. */
public class MidpointForm {

  @NotNull(message = "Tell us how comfortable you feel now.")
  private Comfort comfort;

  @NotNull(message = "Tell us how your team is working for you.")
  private TeamFeeling teamFeeling;

  @Size(max = 2000, message = "Please keep this to 2000 characters.")
  private String inTheWay;

  private Boolean wantsContact;

  public Comfort getComfort() {
    return comfort;
  }

  public void setComfort(Comfort comfort) {
    this.comfort = comfort;
  }

  public TeamFeeling getTeamFeeling() {
    return teamFeeling;
  }

  public void setTeamFeeling(TeamFeeling teamFeeling) {
    this.teamFeeling = teamFeeling;
  }

  public String getInTheWay() {
    return inTheWay;
  }

  public void setInTheWay(String inTheWay) {
    this.inTheWay = inTheWay;
  }

  public Boolean getWantsContact() {
    return wantsContact;
  }

  public void setWantsContact(Boolean wantsContact) {
    this.wantsContact = wantsContact;
  }
}
