package space.djangonaut.missioncontrol.team;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {
  List<TeamMember> findByTeamIdOrderById(Long teamId);

  /** A team's Djangonauts but for those who withdrew, in the order they joined. */
  @Query("select m from TeamMember m where m.teamId = ?1 and not exists (select a.id from Application a"
      + " where a.id = m.applicationId and a.status = space.djangonaut.missioncontrol.application"
      + ".ApplicationStatus.WITHDRAWN) order by m.id")
  List<TeamMember> findStayingByTeamId(Long teamId);

  List<TeamMember> findByTeamIdIn(List<Long> teamIds);

  java.util.Optional<TeamMember> findByApplicationId(Long applicationId);
}
