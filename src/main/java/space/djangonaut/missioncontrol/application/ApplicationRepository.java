package space.djangonaut.missioncontrol.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

  // Written out in JPQL rather than derived from the name: Hibernate 6.6 translates a derived (criteria) query again
  // on every call, a string query once (its plan is cached); this one runs on every application (issue 14).
  @Query("select a from Application a where a.cohort.id = :cohortId and a.email = :email")
  Optional<Application> findByCohortIdAndEmail(Long cohortId, String email);

  @Query("select a from Application a join fetch a.cohort where a.id = :id")
  Optional<Application> findWithCohort(Long id);

  List<Application> findByCohortIdOrderBySubmittedAt(Long cohortId);

  List<Application> findByCohortIdAndRankingBetweenOrderByRanking(Long cohortId, Integer from, Integer to);

  @Query("select max(a.ranking) from Application a where a.cohort.id = :cohortId")
  Integer maxRanking(Long cohortId);

  List<Application> findByEmail(String email);

  @Query("select a from Application a join fetch a.cohort where a.email in :emails")
  List<Application> findByEmailIn(java.util.Collection<String> emails);

  List<Application> findByCohortIdAndStatus(Long cohortId, ApplicationStatus status);

  List<Application> findByCohortIdAndOutcomeAndStatusOrderByRanking(Long cohortId, Outcome outcome,
      ApplicationStatus status);

  long countByCohortIdAndStatus(Long cohortId, ApplicationStatus status);

  long countByCohortId(Long cohortId);

  long countByCohortIdAndStatusIn(Long cohortId, java.util.Collection<ApplicationStatus> statuses);

  List<Application> findByCohortIdAndStatusInOrderBySubmittedAt(Long cohortId,
      java.util.Collection<ApplicationStatus> statuses);
}
