package space.djangonaut.missioncontrol.privacy;

import java.util.List;
import java.util.Map;

/**
 * A feature that stores something about a person, keyed by their email address: it exports and erases what it holds
 * for {@link PersonalDataService}. Every feature with a table holding names, addresses or free text implements it
 * once, as a Spring bean; its {@link org.springframework.core.annotation.Order @Order} places its section in the
 * export and its turn in an erasure. Both methods join the caller's transaction; an exception thrown by one holder
 * fails the whole export or erasure, and rolls the erasure back.
 */
public interface PersonalDataHolder {

  /** The key of this feature's section in the export, such as {@code "applications"}. */
  String section();

  /**
   * What this feature holds about an address, one map per record, with JSON-friendly values (text, numbers, booleans,
   * instants, lists and maps of those).
   *
   * @param email the address, already stripped and lower-cased
   * @return the records, empty if there are none; never null
   */
  List<Map<String, Object>> export(String email);

  /**
   * Erases what this feature holds about an address: personal fields are blanked, what the programme needs to count
   * stays. Records erased along with another feature's records (such as the emails to an erased applicant) are
   * counted by that feature only, so an address's records are counted once.
   *
   * @param email the address, already stripped and lower-cased
   * @return how many of this feature's records were erased, 0 if none held the address
   */
  int erase(String email);
}
