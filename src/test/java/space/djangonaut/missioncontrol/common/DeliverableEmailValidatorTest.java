package space.djangonaut.missioncontrol.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a mail server takes, and what a person is told about the others. */
class DeliverableEmailValidatorTest {

  @ParameterizedTest
  @ValueSource(strings = {"ada@example.org", "Ada.Lovelace+djangonaut@mail.example.co.uk", "o'brien@example.ie",
      "ana@bücher.de", "li@例え.jp", "dev@djangonaut.space"})
  void shouldTakeAnAddressAMailServerDeliversTo(String address) {
    assertThat(DeliverableEmailValidator.problem(address)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "casey@mailhost | " + DeliverableEmailValidator.UNDELIVERABLE_DOMAIN,
      "casey@localhost | " + DeliverableEmailValidator.UNDELIVERABLE_DOMAIN,
      "casey@example.invalid | " + DeliverableEmailValidator.UNDELIVERABLE_DOMAIN,
      "casey@example.nosuchtld | " + DeliverableEmailValidator.UNDELIVERABLE_DOMAIN,
      "casey@-example.org | " + DeliverableEmailValidator.UNDELIVERABLE_DOMAIN,
      "casey@[192.0.2.1] | " + DeliverableEmailValidator.IP_LITERAL,
      "josé@example.org | " + DeliverableEmailValidator.NON_ASCII_MAILBOX,
      "casey | " + DeliverableEmailValidator.NOT_AN_ADDRESS,
      "@example.org | " + DeliverableEmailValidator.NOT_AN_ADDRESS,
      "casey@ | " + DeliverableEmailValidator.NOT_AN_ADDRESS,
      "ca sey@example.org | " + DeliverableEmailValidator.NOT_AN_ADDRESS,
      "casey..x@example.org | " + DeliverableEmailValidator.NOT_AN_ADDRESS})
  void shouldRefuseAnAddressNoMailServerTakesSayingWhatToChange(String address, String message) {
    assertThat(DeliverableEmailValidator.problem(address)).isEqualTo(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"ana@bücher.de | ana@xn--bcher-kva.de", "ada@example.org | ada@example.org"})
  void shouldGiveTheAsciiFormOfAnInternationalisedDomain(String address, String ascii) {
    assertThat(DeliverableEmailValidator.ascii(address)).isEqualTo(ascii);
  }
}
