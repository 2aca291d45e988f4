package space.djangonaut.missioncontrol.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RetentionRecordRepository extends JpaRepository<RetentionRecord, Long> {

  List<RetentionRecord> findByEmailHashIn(Collection<String> emailHashes);

  List<RetentionRecord> findByEmailHash(String emailHash);

  @Modifying
  @Query("delete from RetentionRecord r where r.emailHash = :emailHash")
  int deleteByEmailHash(String emailHash);

  @Modifying
  @Query("delete from RetentionRecord r where r.recordedAt < :before")
  int deleteRecordedBefore(Instant before);
}
