package space.djangonaut.missioncontrol.survey;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SurveyInvitationRepository extends JpaRepository<SurveyInvitation, Long> {

  @Query("select i from SurveyInvitation i where i.tokenHash = :hash or i.reminderTokenHash = :hash")
  Optional<SurveyInvitation> findByAnyTokenHash(String hash);

  List<SurveyInvitation> findByCohortIdOrderById(Long cohortId);

  List<SurveyInvitation> findByEmail(String email);

  boolean existsByCohortIdAndKindAndReferenceId(Long cohortId, Respondent kind, Long referenceId);
}
