package space.djangonaut.missioncontrol.mail;

import java.util.Map;
import java.util.function.Function;

/**
 * A value an organiser's email text may name as {@code {{name}}}: what it means, whether the text must name it,
 * and how it is read from the model the sending code passes (the same model the default templates read).
 *
 * @param name the placeholder's name
 * @param meaning one line for the organiser's edit page
 * @param required whether a text without it is refused (a personal link without which the email is useless)
 * @param link whether the value is a web address: a link in the HTML part, the bare address in the text part
 * @param value the value from the model, as text ({@code ""} when the model has none)
 */
public record MailVariable(String name, String meaning, boolean required, boolean link,
    Function<Map<String, Object>, String> value) {

  /** The value of this variable in a model; never null. */
  public String of(Map<String, Object> model) {
    String text = value.apply(model);
    return text == null ? "" : text;
  }
}
