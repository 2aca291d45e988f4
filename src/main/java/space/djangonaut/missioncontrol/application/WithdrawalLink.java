package space.djangonaut.missioncontrol.application;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A Djangonaut's personal link to withdraw from their cohort. The welcome-aboard email and the team's welcome each
 * carry a fresh one; only the SHA-256 of the link's token is stored. Any of them withdraws the same Djangonaut, once.
 */
@Entity
public class WithdrawalLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long applicationId;
  private String tokenHash;
  private Instant createdAt;

  protected WithdrawalLink() {}

  WithdrawalLink(Long applicationId, String tokenHash, Instant createdAt) {
    this.applicationId = applicationId;
    this.tokenHash = tokenHash;
    this.createdAt = createdAt;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
