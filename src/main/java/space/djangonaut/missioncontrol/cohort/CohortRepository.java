package space.djangonaut.missioncontrol.cohort;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CohortRepository extends JpaRepository<Cohort, Long> {

  Optional<Cohort> findBySlug(String slug);

  boolean existsBySlug(String slug);

  List<Cohort> findAllByOrderByStartsOnDesc();

  /**
   * The cohort, its row locked until the transaction ends ({@code select ... for update}): transactions that count
   * what is still in review and those that report a finished review take turns, so that neither misses the other.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from Cohort c where c.id = :id")
  Optional<Cohort> lockById(Long id);
}
