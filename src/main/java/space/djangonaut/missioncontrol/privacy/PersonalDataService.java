package space.djangonaut.missioncontrol.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's rights over their data: everything held about an email address, exported or erased on request. The
 * features hold the data and know how to export and erase it ({@link PersonalDataHolder}); this service asks each of
 * them in turn. Erasure reaches the engine: the features have the process layer remove the person's process instances
 * with their history (task variables held their answers).
 */
@Service
public class PersonalDataService {

  private final List<PersonalDataHolder> holders;

  /** @param holders every feature's holder, in {@link org.springframework.core.annotation.Order @Order} */
  PersonalDataService(List<PersonalDataHolder> holders) {
    this.holders = List.copyOf(holders);
  }

  /**
   * Everything held about this email address (right of access): {@code email}, then one section per holder
   * ({@code applications}, {@code volunteering}, {@code contributions}, {@code survey}, {@code emails}).
   *
   * @param email the address as typed; surrounding blanks and case do not matter, null is read as empty
   * @return the address, normalised, and each holder's records under its section, in order
   */
  @Transactional(readOnly = true)
  public Map<String, Object> export(String email) {
    String address = normalise(email);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("email", address);
    for (PersonalDataHolder holder : holders) {
      data.put(holder.section(), holder.export(address));
    }
    return data;
  }

  /**
   * Erases everything held about this email address (right to erasure): answers, reviewers' comments, volunteer
   * sign-ups and account, survey free text, emails, and the person's process instances with their history.
   *
   * @param email the address as typed; surrounding blanks and case do not matter, null is read as empty
   * @return how many records were erased, as the holders count them
   */
  @Transactional
  public int erase(String email) {
    String address = normalise(email);
    int erased = 0;
    for (PersonalDataHolder holder : holders) {
      erased += holder.erase(address);
    }
    return erased;
  }

  private static String normalise(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }
}
