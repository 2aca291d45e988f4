package space.djangonaut.missioncontrol.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WithdrawalLinkRepository extends JpaRepository<WithdrawalLink, Long> {
  Optional<WithdrawalLink> findByTokenHash(String tokenHash);

  List<WithdrawalLink> findByApplicationId(Long applicationId);
}
