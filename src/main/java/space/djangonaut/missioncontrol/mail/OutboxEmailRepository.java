package space.djangonaut.missioncontrol.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface OutboxEmailRepository extends JpaRepository<OutboxEmail, Long> {

  // Written out in JPQL rather than derived from the name: Hibernate 6.6 translates a derived (criteria) query again
  // on every call, a string query once (its plan is cached); this one runs on every email (issue 14).
  @Query("select e from OutboxEmail e where e.idempotencyKey = :idempotencyKey")
  Optional<OutboxEmail> findByIdempotencyKey(String idempotencyKey);

  List<OutboxEmail> findByProcessInstanceIdOrderById(String processInstanceId);

  List<OutboxEmail> findByRecipientOrderById(String recipient);

  List<OutboxEmail> findByStatusOrderById(OutboxEmail.Status status);

  List<OutboxEmail> findByStatusInOrderById(Collection<OutboxEmail.Status> statuses);

  List<OutboxEmail> findByRecipientInAndStatusInOrderById(Collection<String> recipients,
      Collection<OutboxEmail.Status> statuses);

  List<OutboxEmail> findTop200ByOrderByIdDesc();

  long countByStatus(OutboxEmail.Status status);
  /** Emails whose subject or bodies contain this text, in any case (a coarse search before an exact match). */
  @Query("select e from OutboxEmail e where lower(e.subject) like concat('%', :needle, '%')"
      + " or lower(e.textBody) like concat('%', :needle, '%') or lower(e.htmlBody) like concat('%', :needle, '%')"
      + " order by e.id")
  List<OutboxEmail> findMentioning(String needle);

  /** Emails due for an attempt: pending and due, or left "sending" by a node that stopped. */
  @Query("select e.id from OutboxEmail e where (e.status = 'PENDING' and e.nextAttemptAt <= :now)"
      + " or (e.status = 'SENDING' and e.lockedUntil < :now) order by e.id")
  List<Long> findDue(Instant now, Limit limit);

  /**
   * Claims an email for sending: only one node (or thread) wins, until the lock expires.
   *
   * @return 1 if this caller won the claim
   */
  @Modifying
  @Query("update OutboxEmail e set e.status = 'SENDING', e.lockedUntil = :lockedUntil where e.id = :id"
      + " and ((e.status = 'PENDING' and e.nextAttemptAt <= :now) or (e.status = 'SENDING' and e.lockedUntil < :now))")
  int claim(Long id, Instant now, Instant lockedUntil);
}
