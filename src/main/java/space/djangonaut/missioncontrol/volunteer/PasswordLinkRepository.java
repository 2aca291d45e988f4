package space.djangonaut.missioncontrol.volunteer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PasswordLinkRepository extends JpaRepository<PasswordLink, Long> {
  Optional<PasswordLink> findByTokenHash(String tokenHash);

  /** Whether the account's password was chosen through one of its links. */
  boolean existsByUserIdAndUsedAtIsNotNull(String userId);

  /** The account's links not used yet (some may have expired). */
  java.util.List<PasswordLink> findByUserIdAndUsedAtIsNull(String userId);
}
