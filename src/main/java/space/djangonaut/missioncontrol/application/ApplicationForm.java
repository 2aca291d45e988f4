package space.djangonaut.missioncontrol.application;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import space.djangonaut.missioncontrol.common.DeliverableEmail;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;

/** The public application form. Field names are the form's input names. */
public class ApplicationForm {

  @NotBlank(message = "Tell us your name.")
  @Size(max = 120, message = "Your name can be at most 120 characters.")
  @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*",
      message = "Write your name on one line, without line breaks or control characters.")
  private String name;

  @NotBlank(message = "Tell us your email address, so that we can write to you.")
  @DeliverableEmail
  @Size(max = 254, message = "An email address can be at most 254 characters.")
  private String email;

  @Size(max = 40, message = "Pronouns can be at most 40 characters.")
  private String pronouns;

  @NotBlank(message = "Choose your time zone.")
  @Size(max = 60, message = "Choose a time zone from the list.")
  private String timezone;

  @NotEmpty(message = "Tick the times (in your time zone) when you could meet your team each week.")
  @Size(max = 56, message = "Tick at most every slot of the week.")
  private List<String> availability = new ArrayList<>();

  @NotNull(message = "Tell us how many hours a week you can give.")
  @Min(value = 1, message = "Give at least one hour a week.")
  @Max(value = 40, message = "At most 40 hours a week, please: we expect about 4.")
  private Integer hoursPerWeek;

  @NotNull(message = "Tell us how much Django you have used.")
  private DjangoExperience djangoExperience;

  @NotBlank(message = "Tell us a little about your experience with Django and Python.")
  @Size(max = 2000, message = "Please keep this to 2000 characters.")
  private String experienceDetails;

  @NotBlank(message = "Tell us why you want to join Djangonaut Space.")
  @Size(min = 50, message = "Tell us a little more about why you want to join (at least 50 characters).")
  @Size(max = 4000, message = "Please keep this to 4000 characters.")
  private String motivation;

  @NotBlank(message = "Choose the project you would like to work on.")
  private String project;

  @NotBlank(message = "Share a link to something you have contributed or built, e.g. your Django tutorial.")
  @Size(max = 500, message = "A link can be at most 500 characters.")
  @Pattern(regexp = "https?://[^\\s<>\"]+", message = "Give a full link starting with https://.")
  private String contributionUrl;

  @AssertTrue(message = "You need to agree to the Django Code of Conduct to take part.")
  private boolean codeOfConductAccepted;

  /** Whether the person agrees to share their email address (and chat handle) with their team. */
  private boolean shareContact;

  @Size(max = 100, message = "A chat handle can be at most 100 characters.")
  @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*",
      message = "Write your chat handle on one line, without line breaks or control characters.")
  private String chatHandle;

  /** A field people never see; bots fill it in. */
  private String website;

  @AssertTrue(message = "Choose a time zone from the list.")
  public boolean isTimezoneKnown() {
    return timezone == null || timezone.isBlank() || ProgrammeOptions.isOfferedZone(timezone);
  }

  @AssertTrue(message = "Tick only the slots shown.")
  public boolean isAvailabilityKnown() {
    return availability == null || availability.stream().allMatch(WeeklyAvailability::isSlot);
  }

  static String normaliseEmail(String email) {
    return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPronouns() {
    return pronouns;
  }

  public void setPronouns(String pronouns) {
    this.pronouns = pronouns;
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  public List<String> getAvailability() {
    return availability;
  }

  public void setAvailability(List<String> availability) {
    this.availability = availability;
  }

  public Integer getHoursPerWeek() {
    return hoursPerWeek;
  }

  public void setHoursPerWeek(Integer hoursPerWeek) {
    this.hoursPerWeek = hoursPerWeek;
  }

  public DjangoExperience getDjangoExperience() {
    return djangoExperience;
  }

  public void setDjangoExperience(DjangoExperience djangoExperience) {
    this.djangoExperience = djangoExperience;
  }

  public String getExperienceDetails() {
    return experienceDetails;
  }

  public void setExperienceDetails(String experienceDetails) {
    this.experienceDetails = experienceDetails;
  }

  public String getMotivation() {
    return motivation;
  }

  public void setMotivation(String motivation) {
    this.motivation = motivation;
  }

  public String getProject() {
    return project;
  }

  public void setProject(String project) {
    this.project = project;
  }

  public String getContributionUrl() {
    return contributionUrl;
  }

  public void setContributionUrl(String contributionUrl) {
    this.contributionUrl = contributionUrl;
  }

  public boolean isCodeOfConductAccepted() {
    return codeOfConductAccepted;
  }

  public void setCodeOfConductAccepted(boolean codeOfConductAccepted) {
    this.codeOfConductAccepted = codeOfConductAccepted;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public boolean isShareContact() {
    return shareContact;
  }

  public void setShareContact(boolean shareContact) {
    this.shareContact = shareContact;
  }

  public String getChatHandle() {
    return chatHandle;
  }

  public void setChatHandle(String chatHandle) {
    this.chatHandle = chatHandle;
  }
}
