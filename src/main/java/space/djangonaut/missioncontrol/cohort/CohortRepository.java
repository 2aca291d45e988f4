package space.djangonaut.missioncontrol.cohort;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CohortRepository extends JpaRepository<Cohort, Long> {

  Optional<Cohort> findBySlug(String slug);

  boolean existsBySlug(String slug);

  List<Cohort> findAllByOrderByStartsOnDesc();
}
