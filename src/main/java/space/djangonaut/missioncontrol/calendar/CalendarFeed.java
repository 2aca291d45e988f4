package space.djangonaut.missioncontrol.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A personal calendar link of a member of a team (its Navigator or a Captain by volunteer id, a Djangonaut by
 * application id), sent with each invitation. Only the SHA-256 of its token is kept, as for the other personal links;
 * a revoked link answers 404.
 */
@Entity
public class CalendarFeed {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String tokenHash;
  private Long teamId;
  private Long volunteerId;
  private Long applicationId;
  private Instant createdAt;
  private Instant revokedAt;

  protected CalendarFeed() {}

  CalendarFeed(String tokenHash, long teamId, Long volunteerId, Long applicationId, Instant now) {
    this.tokenHash = tokenHash;
    this.teamId = teamId;
    this.volunteerId = volunteerId;
    this.applicationId = applicationId;
    this.createdAt = now;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public boolean isRevoked() {
    return revokedAt != null;
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

  public Long getApplicationId() {
    return applicationId;
  }
}
