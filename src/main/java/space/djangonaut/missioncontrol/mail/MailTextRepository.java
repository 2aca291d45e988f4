package space.djangonaut.missioncontrol.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MailTextRepository extends JpaRepository<MailText, Long> {

  Optional<MailText> findFirstByCohortIdAndTemplateOrderByVersionDesc(long cohortId, MailTemplate template);

  Optional<MailText> findByCohortIdAndTemplateAndVersion(long cohortId, MailTemplate template, int version);

  List<MailText> findByCohortIdAndTemplateOrderByVersionDesc(long cohortId, MailTemplate template);

  List<MailText> findByCohortIdOrderByTemplateAscVersionDesc(long cohortId);
}
