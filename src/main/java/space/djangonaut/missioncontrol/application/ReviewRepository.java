package space.djangonaut.missioncontrol.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ReviewRepository extends JpaRepository<Review, Long> {

  List<Review> findByApplicationIdOrderByReviewedAt(Long applicationId);

  boolean existsByApplicationIdAndReviewer(Long applicationId, String reviewer);

  /** Every review of the cohort's applications, in the order they were given: one query for a whole ranking. */
  @Query("select r from Review r where r.applicationId in "
      + "(select a.id from Application a where a.cohort.id = :cohortId) order by r.reviewedAt, r.id")
  List<Review> findOfCohort(@Param("cohortId") Long cohortId);
}
