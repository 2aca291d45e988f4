package space.djangonaut.missioncontrol.volunteer;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VolunteerRepository extends JpaRepository<Volunteer, Long> {

  List<Volunteer> findByCohortIdAndStatusOrderBySubmittedAt(Long cohortId, VolunteerStatus status);

  List<Volunteer> findByCohortIdOrderBySubmittedAt(Long cohortId);

  List<Volunteer> findByEmail(String email);

  List<Volunteer> findByEmailIn(java.util.Collection<String> emails);

  List<Volunteer> findByUserId(String userId);

  boolean existsByCohortIdAndEmailAndRole(Long cohortId, String email, VolunteerRole role);
}
