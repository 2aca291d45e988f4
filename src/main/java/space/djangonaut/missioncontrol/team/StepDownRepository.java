package space.djangonaut.missioncontrol.team;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StepDownRepository extends JpaRepository<StepDown, Long> {

  List<StepDown> findByTeamIdOrderById(Long teamId);
}
