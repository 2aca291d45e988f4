package space.djangonaut.missioncontrol.team;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface TeamRepository extends JpaRepository<Team, Long> {
  List<Team> findByCohortIdOrderById(Long cohortId);

  /**
   * The team, its row locked until the transaction ends: changes to one team (a volunteer stepping down) are made one
   * after another, each seeing what the one before committed.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from Team t where t.id = :id")
  Optional<Team> lockById(Long id);
}
