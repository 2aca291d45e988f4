package space.djangonaut.missioncontrol.survey;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface MidpointCheckRepository extends JpaRepository<MidpointCheck, Long> {

  Optional<MidpointCheck> findByTokenHash(String tokenHash);

  /** The check behind a link, its row locked until the transaction ends: two answers at once are taken one by one. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from MidpointCheck c where c.tokenHash = :tokenHash")
  Optional<MidpointCheck> lockByTokenHash(String tokenHash);

  List<MidpointCheck> findByTeamIdOrderById(Long teamId);

  List<MidpointCheck> findByCohortIdOrderById(Long cohortId);

  List<MidpointCheck> findByEmail(String email);

  boolean existsByTeamIdAndKindAndReferenceId(Long teamId, Respondent kind, Long referenceId);
}
