package space.djangonaut.missioncontrol.team;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A Djangonaut (by application) in a team, with the Captain who looks after them. */
@Entity
public class TeamMember {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long teamId;
  private Long applicationId;
  private Long captainVolunteerId;

  protected TeamMember() {}

  public TeamMember(Long teamId, Long applicationId, Long captainVolunteerId) {
    this.teamId = teamId;
    this.applicationId = applicationId;
    this.captainVolunteerId = captainVolunteerId;
  }

  public void moveTo(Long teamId, Long captainVolunteerId) {
    this.teamId = teamId;
    this.captainVolunteerId = captainVolunteerId;
  }

  public Long getId() {
    return id;
  }

  public Long getTeamId() {
    return teamId;
  }

  public Long getApplicationId() {
    return applicationId;
  }

  public Long getCaptainVolunteerId() {
    return captainVolunteerId;
  }
}
