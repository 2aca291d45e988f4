package space.djangonaut.missioncontrol.common;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.IDN;
import java.util.Locale;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * Whether a mail relay will take an address, and if not, what the person should change. The rules:
 * <ul>
 *   <li>The address is one by RFC 5321/5322 as Apache Commons Validator's {@link EmailValidator} reads it, and
 *       Jakarta Mail parses it strictly ({@link InternetAddress#InternetAddress(String, boolean)}).</li>
 *   <li>The domain is a dot-separated domain name whose last label is a top-level domain in the IANA root zone
 *       (Commons Validator's {@link DomainValidator}, which carries the IANA list): {@code casey@mailhost},
 *       {@code casey@localhost} and special-use names such as {@code .invalid} or {@code .test} are refused, as a
 *       relay on the Internet would refuse them.</li>
 *   <li>No IP literals ({@code casey@[192.0.2.1]}): most relays refuse them, and no applicant's mailbox needs
 *       one.</li>
 *   <li>Internationalised addresses, decided so: a domain in any script is taken ({@code ana@bücher.de}), because
 *       it has an ASCII form every relay delivers to ({@code xn--bcher-kva.de}, RFC 5890), which
 *       {@code mail.MailDispatcher} sends to. A local part (before the @) with characters beyond ASCII
 *       ({@code josé@example.org}) is refused with a message that says so: it can be delivered only with SMTPUTF8
 *       (RFC 6531) end to end, which neither the embedded mail sink nor every relay offers, and an applicant who
 *       never hears from us is worse off than one asked now for another address.</li>
 * </ul>
 * Messages are fixed texts: what a person typed is never part of a message template.
 */
public class DeliverableEmailValidator implements ConstraintValidator<DeliverableEmail, String> {

  static final String NOT_AN_ADDRESS = "This does not look like an email address.";
  static final String UNDELIVERABLE_DOMAIN = "Check the part after the @: we can only write to an address at a "
      + "domain such as example.org.";
  static final String IP_LITERAL = "Give an address at a domain name, such as example.org, not at an IP address.";
  static final String NON_ASCII_MAILBOX = "We cannot write to an address with letters other than a to z before "
      + "the @ (our mail server does not take them): please give another address.";

  private static final EmailValidator EMAIL = EmailValidator.getInstance(false, false);
  private static final DomainValidator DOMAIN = DomainValidator.getInstance(false);

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    String problem = problem(value);
    if (problem == null) {
      return true;
    }
    if (!problem.equals(NOT_AN_ADDRESS)) {
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
    }
    return false;
  }

  /**
   * What is wrong with an address, as the message a person reads; null if a mail server will take it (and for
   * null or blank, which {@code @NotBlank} reports).
   */
  public static String problem(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String address = value.strip();
    int at = address.lastIndexOf('@');
    if (at < 1 || at == address.length() - 1) {
      return NOT_AN_ADDRESS;
    }
    String mailbox = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (domain.startsWith("[")) {
      return IP_LITERAL;
    }
    if (!mailbox.chars().allMatch(c -> c < 0x80)) {
      return NON_ASCII_MAILBOX;
    }
    if (!EMAIL.isValid(address)) {
      return DOMAIN.isValid(domain) ? NOT_AN_ADDRESS : UNDELIVERABLE_DOMAIN;
    }
    try {
      new InternetAddress(mailbox + "@" + asciiDomain(domain), true).validate();
    } catch (AddressException | IllegalArgumentException e) {
      return NOT_AN_ADDRESS;
    }
    return null;
  }

  /**
   * The address as SMTP carries it: the domain in its ASCII form ({@code ana@xn--bcher-kva.de}), lower case, the
   * mailbox as it is.
   *
   * @throws IllegalArgumentException if the domain has no ASCII form
   */
  public static String ascii(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return address;
    }
    return address.substring(0, at + 1) + asciiDomain(address.substring(at + 1));
  }

  private static String asciiDomain(String domain) {
    return domain.chars().allMatch(c -> c < 0x80) ? domain : IDN.toASCII(domain).toLowerCase(Locale.ROOT);
  }
}
