package space.djangonaut.missioncontrol.mail;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MailTextRepository extends JpaRepository<MailText, Long> {

  // Written out in JPQL rather than derived from the name: Hibernate 6.6 translates a derived (criteria) query again
  // on every call, a string query once (its plan is cached); this one runs on every email (issue 14).
  @Query("select t from MailText t where t.cohortId = :cohortId and t.template = :template and t.version = "
      + "(select max(v.version) from MailText v where v.cohortId = :cohortId and v.template = :template)")
  Optional<MailText> findFirstByCohortIdAndTemplateOrderByVersionDesc(long cohortId, MailTemplate template);

  Optional<MailText> findByCohortIdAndTemplateAndVersion(long cohortId, MailTemplate template, int version);

  List<MailText> findByCohortIdAndTemplateOrderByVersionDesc(long cohortId, MailTemplate template);

  List<MailText> findByCohortIdOrderByTemplateAscVersionDesc(long cohortId);
}
