package space.djangonaut.missioncontrol.application;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A personal link to answer the offer of a place. The offer email and its reminder each carry one; only the
 * SHA-256 of the link's token is stored. Answering through any link of an application answers them all.
 */
@Entity
public class Offer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long applicationId;
  private String tokenHash;
  private Instant deadline;
  private Instant createdAt;
  private Instant answeredAt;
  private String answer;

  protected Offer() {}

  Offer(Long applicationId, String tokenHash, Instant deadline, Instant createdAt) {
    this.applicationId = applicationId;
    this.tokenHash = tokenHash;
    this.deadline = deadline;
    this.createdAt = createdAt;
  }

  void answered(String answer, Instant at) {
    this.answer = answer;
    this.answeredAt = at;
  }

  public Long getId() {
    return id;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public String getAnswer() {
    return answer;
  }
}
