package space.djangonaut.missioncontrol.volunteer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A single-use, expiring link to choose the password of a new account. */
@Entity
public class PasswordLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String userId;
  private String tokenHash;
  private Instant expiresAt;
  private Instant usedAt;

  protected PasswordLink() {}

  PasswordLink(String userId, String tokenHash, Instant expiresAt) {
    this.userId = userId;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
  }

  boolean isUsable(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  void use(Instant now) {
    usedAt = now;
  }

  /** A newer link was sent, or the password was chosen: this one no longer works. */
  void revoke(Instant now) {
    if (expiresAt.isAfter(now)) {
      expiresAt = now;
    }
  }

  public String getUserId() {
    return userId;
  }
}
