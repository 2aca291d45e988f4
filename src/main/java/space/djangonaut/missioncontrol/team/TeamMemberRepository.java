package space.djangonaut.missioncontrol.team;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamMemberRepository extends JpaRepository<TeamMember, Long> {
  List<TeamMember> findByTeamIdOrderById(Long teamId);

  List<TeamMember> findByTeamIdIn(List<Long> teamIds);

  java.util.Optional<TeamMember> findByApplicationId(Long applicationId);
}
