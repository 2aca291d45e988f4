package space.djangonaut.missioncontrol.mentorship;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OneToOneRepository extends JpaRepository<OneToOne, Long> {
  List<OneToOne> findByCohortIdOrderByWeekAscApplicationIdAsc(Long cohortId);

  boolean existsByApplicationIdAndWeek(Long applicationId, int week);
}
