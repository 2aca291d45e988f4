package space.djangonaut.missioncontrol.team;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import space.djangonaut.missioncontrol.volunteer.VolunteerRole;

/** A Navigator or Captain who stepped down from a team, and who replaced them once an organiser chose. */
@Entity
public class StepDown {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long teamId;
  private Long volunteerId;

  @Enumerated(EnumType.STRING)
  private VolunteerRole role;

  private Instant recordedAt;
  /** Whether the volunteer recorded it themselves (on their teams page); false when an organiser did. */
  private boolean byVolunteer;
  private Long replacementVolunteerId;
  private Instant replacedAt;

  protected StepDown() {}

  StepDown(long teamId, long volunteerId, VolunteerRole role, Instant recordedAt, boolean byVolunteer) {
    this.teamId = teamId;
    this.volunteerId = volunteerId;
    this.role = role;
    this.recordedAt = recordedAt;
    this.byVolunteer = byVolunteer;
  }

  void replacedBy(long replacementVolunteerId, Instant at) {
    this.replacementVolunteerId = replacementVolunteerId;
    this.replacedAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getTeamId() {
    return teamId;
  }

  public Long getVolunteerId() {
    return volunteerId;
  }

  public VolunteerRole getRole() {
    return role;
  }

  public Instant getRecordedAt() {
    return recordedAt;
  }

  public boolean isByVolunteer() {
    return byVolunteer;
  }

  /** The volunteer who took over, or {@code null} until an organiser chose one. */
  public Long getReplacementVolunteerId() {
    return replacementVolunteerId;
  }

  public boolean isReplaced() {
    return replacementVolunteerId != null;
  }
}
