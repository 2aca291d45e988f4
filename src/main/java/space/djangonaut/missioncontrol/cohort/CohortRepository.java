package space.djangonaut.missioncontrol.cohort;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CohortRepository extends JpaRepository<Cohort, Long> {

  // Written out in JPQL rather than derived from the name: Hibernate 6.6 translates a derived (criteria) query again
  // on every call, a string query once (its plan is cached); this one runs on every application (issue 14).
  @Query("select c from Cohort c where c.slug = :slug")
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

  /** Sets the cohort's application form version if it has none yet; returns 1 if it did, 0 if it had one. */
  @org.springframework.data.jpa.repository.Modifying
  @Query("update Cohort c set c.applyFormVersion = :version where c.id = :id and c.applyFormVersion is null")
  int pinApplyFormVersion(@org.springframework.data.repository.query.Param("id") long id,
      @org.springframework.data.repository.query.Param("version") int version);

  /** Sets the cohort's application form version. */
  @org.springframework.data.jpa.repository.Modifying
  @Query("update Cohort c set c.applyFormVersion = :version where c.id = :id")
  int useApplyFormVersion(@org.springframework.data.repository.query.Param("id") long id,
      @org.springframework.data.repository.query.Param("version") int version);

  @Query("select c.applyFormVersion from Cohort c where c.id = :id")
  Integer applyFormVersion(@org.springframework.data.repository.query.Param("id") long id);
}
