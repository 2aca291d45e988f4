package space.djangonaut.missioncontrol.survey;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MidpointCheckRepository extends JpaRepository<MidpointCheck, Long> {

  Optional<MidpointCheck> findByTokenHash(String tokenHash);

  List<MidpointCheck> findByTeamIdOrderById(Long teamId);

  List<MidpointCheck> findByCohortIdOrderById(Long cohortId);

  List<MidpointCheck> findByEmail(String email);

  boolean existsByTeamIdAndKindAndReferenceId(Long teamId, Respondent kind, Long referenceId);
}
