package space.djangonaut.missioncontrol.volunteer;

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
import space.djangonaut.missioncontrol.common.DeliverableEmail;
import space.djangonaut.missioncontrol.common.ProgrammeOptions;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;

/** The public volunteer form for Navigators and Captains. */
public class VolunteerForm {

  @NotBlank(message = "Tell us your name.")
  @Size(max = 120, message = "Your name can be at most 120 characters.")
  @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*",
      message = "Write your name on one line, without line breaks or control characters.")
  private String name;

  @NotBlank(message = "Tell us your email address.")
  @DeliverableEmail
  @Size(max = 254, message = "An email address can be at most 254 characters.")
  private String email;

  @NotNull(message = "Choose whether you volunteer as a Navigator or a Captain.")
  private VolunteerRole role;

  @NotEmpty(message = "Tick the projects you know well enough to guide Djangonauts through.")
  private List<String> projects = new ArrayList<>();

  /** The IANA time zone the availability grid is in; UTC until they choose theirs. */
  @NotBlank(message = "Choose your time zone.")
  @Size(max = 60, message = "Choose a time zone from the list.")
  private String timezone = "UTC";

  @NotEmpty(message = "Tick the times (in your time zone) when you could meet each week.")
  @Size(max = 56, message = "Tick at most every slot of the week.")
  private List<String> availability = new ArrayList<>();

  @NotNull(message = "Tell us how many Djangonauts you can take.")
  @Min(value = 1, message = "Take at least one Djangonaut.")
  @Max(value = 8, message = "At most 8 Djangonauts, please.")
  private Integer capacity;

  @Size(max = 2000, message = "Please keep this to 2000 characters.")
  private String motivation;

  @AssertTrue(message = "You need to agree to the Django Code of Conduct to take part.")
  private boolean codeOfConductAccepted;

  /** Whether the person agrees to share their email address (and chat handle) with their team. */
  private boolean shareContact;

  @Size(max = 100, message = "A chat handle can be at most 100 characters.")
  @Pattern(regexp = "[^\\p{Cc}\\p{Zl}\\p{Zp}]*",
      message = "Write your chat handle on one line, without line breaks or control characters.")
  private String chatHandle;

  @AssertTrue(message = "Choose a time zone from the list.")
  public boolean isTimezoneKnown() {
    return timezone == null || timezone.isBlank() || ProgrammeOptions.isOfferedZone(timezone);
  }

  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = timezone;
  }

  @AssertTrue(message = "Tick only the slots shown.")
  public boolean isAvailabilityKnown() {
    return availability == null || availability.stream().allMatch(WeeklyAvailability::isSlot);
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

  public VolunteerRole getRole() {
    return role;
  }

  public void setRole(VolunteerRole role) {
    this.role = role;
  }

  public List<String> getProjects() {
    return projects;
  }

  public void setProjects(List<String> projects) {
    this.projects = projects;
  }

  public List<String> getAvailability() {
    return availability;
  }

  public void setAvailability(List<String> availability) {
    this.availability = availability;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }

  public String getMotivation() {
    return motivation;
  }

  public void setMotivation(String motivation) {
    this.motivation = motivation;
  }

  public boolean isCodeOfConductAccepted() {
    return codeOfConductAccepted;
  }

  public void setCodeOfConductAccepted(boolean codeOfConductAccepted) {
    this.codeOfConductAccepted = codeOfConductAccepted;
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
