package space.djangonaut.missioncontrol.survey;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The survey's answers. Which comfort questions are required depends on who answers; {@link SurveyService} checks
 * them with the respondent in hand.
 */
public class SurveyForm {

  private Comfort comfortContributing;
  private Comfort comfortCommunity;
  private Comfort comfortMentoring;

  @Size(max = 4000, message = "Please keep this to 4000 characters.")
  private String wentWell;

  @Size(max = 4000, message = "Please keep this to 4000 characters.")
  private String toImprove;

  @NotNull(message = "Tell us whether we may quote you.")
  private Boolean mayQuote;

  public Comfort getComfortContributing() {
    return comfortContributing;
  }

  public void setComfortContributing(Comfort comfortContributing) {
    this.comfortContributing = comfortContributing;
  }

  public Comfort getComfortCommunity() {
    return comfortCommunity;
  }

  public void setComfortCommunity(Comfort comfortCommunity) {
    this.comfortCommunity = comfortCommunity;
  }

  public Comfort getComfortMentoring() {
    return comfortMentoring;
  }

  public void setComfortMentoring(Comfort comfortMentoring) {
    this.comfortMentoring = comfortMentoring;
  }

  public String getWentWell() {
    return wentWell;
  }

  public void setWentWell(String wentWell) {
    this.wentWell = wentWell;
  }

  public String getToImprove() {
    return toImprove;
  }

  public void setToImprove(String toImprove) {
    this.toImprove = toImprove;
  }

  public Boolean getMayQuote() {
    return mayQuote;
  }

  public void setMayQuote(Boolean mayQuote) {
    this.mayQuote = mayQuote;
  }
}
