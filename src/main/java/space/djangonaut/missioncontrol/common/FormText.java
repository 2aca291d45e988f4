package space.djangonaut.missioncontrol.common;

import java.beans.PropertyEditorSupport;

/**
 * Text as a person typed it into a form, counted as their browser counts it. A browser counts a line break in a
 * {@code <textarea>} as one character against its {@code maxlength}, but posts it as CR LF (two); so every text
 * field's line breaks become LF before any rule counts its length (the HTML {@code maxlength} and the form's
 * {@code @Size(max)} are then the same number, which {@code FormLengthLimitsTest} checks). Registered for every
 * form of Mission Control's pages by {@link FormTextBinding}, and applied to Camunda Forms by
 * {@code process.TaskForms}.
 */
public class FormText extends PropertyEditorSupport {

  private final boolean trim;
  private final boolean refuseNul;

  /**
   * @param trim whether to strip leading and trailing white space too ({@code ""} stays {@code ""}, never null)
   */
  public FormText(boolean trim) {
    this(trim, true);
  }

  /**
   * @param refuseNul whether a NUL character is refused while binding (see {@link #setAsText}); false only where the
   *     controller itself refuses it with the field and the reason on its page
   */
  public FormText(boolean trim, boolean refuseNul) {
    this.trim = trim;
    this.refuseNul = refuseNul;
  }

  /** Whether the text has a NUL character (U+0000), which PostgreSQL cannot store in a text column. */
  public static boolean hasNul(String text) {
    return text != null && text.indexOf('\0') >= 0;
  }

  /** CR LF and lone CR become LF, as the browser counted them; null stays null. */
  public static String normaliseLineBreaks(String text) {
    if (text == null || text.indexOf('\r') < 0) {
      return text;
    }
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /**
   * @throws IllegalArgumentException if the text has a NUL character, which PostgreSQL cannot keep in text: the
   *     binding reports it on its field ({@code typeMismatch.java.lang.String} in {@code messages.properties})
   */
  @Override
  public void setAsText(String text) {
    if (refuseNul && hasNul(text)) {
      throw new IllegalArgumentException("The text has a NUL character.");
    }
    String normalised = normaliseLineBreaks(text);
    setValue(trim && normalised != null ? normalised.trim() : normalised);
  }

  @Override
  public String getAsText() {
    Object value = getValue();
    return value == null ? "" : value.toString();
  }
}
