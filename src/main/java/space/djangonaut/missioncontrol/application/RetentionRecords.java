package space.djangonaut.missioncontrol.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention records of erased unselected applicants (issue 12, fault 3): so that organisers can see, when someone
 * applies again, that they applied before and how it ended, and the selection rule can give people waitlisted last
 * time priority, the erasure keeps a keyed hash of the normalised address with the cohort and the outcome, nothing
 * else.
 *
 * <p>The hash is HMAC-SHA256 with the secret {@code missioncontrol.retention.secret}: without the secret, a record
 * cannot be tied to an address by hashing guesses. The {@code postgres} profile refuses to start without it
 * ({@code missioncontrol.retention.require-secret: true}); the default run generates one at each start (a record then
 * matches only within that run, which is enough for a demo). A record is deleted {@code missioncontrol.retention
 * .keep-for} after it was kept (ISO-8601 period, {@code P3Y} by default: a person may apply again in any of the next
 * few sessions), and at once when the person asks for their data to be erased ({@link RetentionPersonalData}).
 */
@Service
public class RetentionRecords {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionRecords.class);
  private static final String ALGORITHM = "HmacSHA256";

  private final RetentionRecordRepository records;
  private final SecretKeySpec key;
  private final Period keepFor;
  private final Clock clock;

  RetentionRecords(RetentionRecordRepository records, @Value("${missioncontrol.retention.secret:}") String secret,
      @Value("${missioncontrol.retention.require-secret:false}") boolean requireSecret,
      @Value("${missioncontrol.retention.keep-for:P3Y}") Period keepFor, Clock clock) {
    this.records = records;
    this.keepFor = keepFor;
    this.clock = clock;
    String chosen = secret == null ? "" : secret.strip();
    if (chosen.isEmpty()) {
      if (requireSecret) {
        throw new IllegalStateException("Set MISSIONCONTROL_RETENTION_SECRET (missioncontrol.retention.secret, 32+ "
            + "characters): the key of the retention records' hashes of email addresses.");
      }
      byte[] generated = new byte[32];
      new SecureRandom().nextBytes(generated);
      chosen = Base64.getEncoder().encodeToString(generated);
      LOG.warn("No missioncontrol.retention.secret: generated one for this run; retention records kept now will not "
          + "match after a restart.");
    } else if (requireSecret && chosen.length() < 32) {
      throw new IllegalStateException("missioncontrol.retention.secret must have 32 characters or more.");
    }
    this.key = new SecretKeySpec(chosen.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /**
   * The keyed hash of an address: HMAC-SHA256 of the address stripped and lower-cased
   * ({@link ApplicationForm#normaliseEmail}), in hexadecimal (64 characters).
   */
  public String hash(String email) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      String normalised = ApplicationForm.normaliseEmail(email == null ? "" : email);
      return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Keeps the record of an application about to be erased. Joins the caller's transaction. */
  void keep(Application application) {
    records.save(new RetentionRecord(hash(application.getEmail()), application.getCohort().getId(),
        PastOutcome.of(application), clock.instant()));
  }

  /** The records of these addresses (as typed or normalised). */
  @Transactional(readOnly = true)
  public List<RetentionRecord> of(Collection<String> emails) {
    return records.findByEmailHashIn(emails.stream().map(this::hash).distinct().toList());
  }

  /** The records of one address, for its export. */
  @Transactional(readOnly = true)
  public List<RetentionRecord> of(String email) {
    return records.findByEmailHash(hash(email));
  }

  /**
   * Deletes the records of an address (a request to erase it).
   *
   * @return how many were deleted
   */
  @Transactional
  public int erase(String email) {
    return records.deleteByEmailHash(hash(email));
  }

  /**
   * Deletes the records kept longer ago than {@code missioncontrol.retention.keep-for} (UTC calendar).
   *
   * @return how many were deleted
   */
  @Transactional
  public int expire() {
    Instant before = clock.instant().atOffset(ZoneOffset.UTC).minus(keepFor).toInstant();
    return records.deleteRecordedBefore(before);
  }

  /** How long a record is kept. */
  public Period keepFor() {
    return keepFor;
  }
}
