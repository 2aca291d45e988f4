package space.djangonaut.missioncontrol.mentorship;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ContributionRepository extends JpaRepository<Contribution, Long> {
  List<Contribution> findByCohortIdOrderByWeekAscId(Long cohortId);

  List<Contribution> findByCheckInIdOrderById(Long checkInId);

  List<Contribution> findByApplicationIdInOrderById(Collection<Long> applicationIds);
}
