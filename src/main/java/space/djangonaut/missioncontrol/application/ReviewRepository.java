package space.djangonaut.missioncontrol.application;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReviewRepository extends JpaRepository<Review, Long> {

  List<Review> findByApplicationIdOrderByReviewedAt(Long applicationId);

  boolean existsByApplicationIdAndReviewer(Long applicationId, String reviewer);
}
