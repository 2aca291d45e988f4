package space.djangonaut.missioncontrol.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import space.djangonaut.missioncontrol.privacy.PersonalDataHolder;

/**
 * The retention records of an address ({@link RetentionRecords}): exported (cohort, outcome, when kept) and deleted on
 * request, like the rest of a person's data.
 */
@Component
@Order(12)
class RetentionPersonalData implements PersonalDataHolder {

  private final RetentionRecords records;

  RetentionPersonalData(RetentionRecords records) {
    this.records = records;
  }

  @Override
  public String section() {
    return "retention";
  }

  @Override
  public List<Map<String, Object>> export(String email) {
    return records.of(email).stream().map(record -> {
      Map<String, Object> kept = new LinkedHashMap<>();
      kept.put("cohortId", record.getCohortId());
      kept.put("outcome", record.getOutcome().word());
      kept.put("recordedAt", record.getRecordedAt());
      return kept;
    }).toList();
  }

  @Override
  public int erase(String email) {
    return records.erase(email);
  }
}
