package space.djangonaut.missioncontrol.team;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamRepository extends JpaRepository<Team, Long> {
  List<Team> findByCohortIdOrderById(Long cohortId);
}
