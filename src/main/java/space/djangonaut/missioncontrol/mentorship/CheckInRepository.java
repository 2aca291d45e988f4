package space.djangonaut.missioncontrol.mentorship;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {
  List<CheckIn> findByCohortIdOrderByWeekAscTeamIdAsc(Long cohortId);

  boolean existsByTeamIdAndWeek(Long teamId, int week);
}
