package space.djangonaut.missioncontrol.team;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A team of a cohort: 3-4 Djangonauts working on one project with one Navigator. */
@Entity
public class Team {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private Long cohortId;
  private String name;
  private String project;
  private Long navigatorVolunteerId;

  protected Team() {}

  public Team(Long cohortId, String name, String project, Long navigatorVolunteerId) {
    this.cohortId = cohortId;
    this.name = name;
    this.project = project;
    this.navigatorVolunteerId = navigatorVolunteerId;
  }

  /** Another Navigator takes the team over (one stepped down). */
  void replaceNavigator(Long navigatorVolunteerId) {
    this.navigatorVolunteerId = navigatorVolunteerId;
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

  public String getProject() {
    return project;
  }

  public Long getNavigatorVolunteerId() {
    return navigatorVolunteerId;
  }
}
