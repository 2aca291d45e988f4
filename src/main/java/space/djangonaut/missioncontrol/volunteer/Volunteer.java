package space.djangonaut.missioncontrol.volunteer;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import space.djangonaut.missioncontrol.common.WeeklyAvailability;

/** A Navigator or Captain who signed up to a cohort. Approved volunteers have a Camunda account ({@code userId}). */
@Entity
public class Volunteer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long cohortId;
  private String name;
  private String email;

  @Enumerated(EnumType.STRING)
  private VolunteerRole role;

  /** The projects they know, separated by newlines. */
  private String projects;

  /** The slot codes of {@link #getAvailability()}, wall-clock time in {@code availabilityZone}. */
  private String availability;
  /** The IANA time zone of the slots; {@code UTC} for availability given before zones were used (V16). */
  private String availabilityZone;
  /** How many Djangonauts they can take. */
  private int capacity;
  private String motivation;

  @Enumerated(EnumType.STRING)
  private VolunteerStatus status;

  private String userId;
  private Instant submittedAt;

  /** Whether they agreed to share their email address and chat handle with their teams (roster, team emails). */
  private boolean shareContact;
  /** A chat handle (e.g. Discord) they gave to share with their teams; null if none. */
  private String chatHandle;

  protected Volunteer() {}

  public Volunteer(Long cohortId, String name, String email, VolunteerRole role, List<String> projects,
      WeeklyAvailability availability, int capacity, String motivation, Instant submittedAt) {
    this.cohortId = cohortId;
    this.name = name;
    this.email = email;
    this.role = role;
    this.projects = String.join("\n", projects);
    this.availability = availability.stored();
    this.availabilityZone = availability.zone().getId();
    this.capacity = capacity;
    this.motivation = motivation;
    this.status = VolunteerStatus.PENDING;
    this.submittedAt = submittedAt;
  }

  /**
   * What they agreed to share with their teams.
   *
   * @param chatHandle blank is read as none
   */
  public void shareContact(boolean share, String chatHandle) {
    this.shareContact = share;
    this.chatHandle = chatHandle == null || chatHandle.isBlank() ? null : chatHandle.strip();
  }

  public void approve(String userId) {
    this.status = VolunteerStatus.APPROVED;
    this.userId = userId;
  }

  private Instant erasedAt;

  void erase(Instant now) {
    name = "(erased)";
    email = "erased-" + id + "@erased.invalid";
    motivation = null;
    shareContact = false;
    chatHandle = null;
    erasedAt = now;
  }

  public void decline() {
    this.status = VolunteerStatus.DECLINED;
  }

  public Long getId() {
    return id;
  }

  public Long getCohortId() {
    return cohortId;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public VolunteerRole getRole() {
    return role;
  }

  public List<String> getProjects() {
    return projects == null || projects.isBlank() ? List.of() : Arrays.asList(projects.split("\n"));
  }

  /** When they can meet each week: slots of their own clock, in their time zone. */
  public WeeklyAvailability getAvailability() {
    return WeeklyAvailability.parse(availabilityZone, availability);
  }

  public int getCapacity() {
    return capacity;
  }

  public String getMotivation() {
    return motivation;
  }

  public VolunteerStatus getStatus() {
    return status;
  }

  public String getUserId() {
    return userId;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public boolean isShareContact() {
    return shareContact;
  }

  public String getChatHandle() {
    return chatHandle;
  }
}
