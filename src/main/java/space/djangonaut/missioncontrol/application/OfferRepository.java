package space.djangonaut.missioncontrol.application;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfferRepository extends JpaRepository<Offer, Long> {

  Optional<Offer> findByTokenHash(String tokenHash);

  List<Offer> findByApplicationIdOrderByCreatedAt(Long applicationId);
}
