package space.djangonaut.missioncontrol.mail;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SentEmailRepository extends JpaRepository<SentEmail, Long> {

  List<SentEmail> findByProcessInstanceIdOrderBySentAt(String processInstanceId);

  List<SentEmail> findByRecipientOrderBySentAt(String recipient);

  List<SentEmail> findTop200ByOrderBySentAtDesc();
}
