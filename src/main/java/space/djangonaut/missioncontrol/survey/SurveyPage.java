package space.djangonaut.missioncontrol.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import space.djangonaut.missioncontrol.common.FormPage;
import space.djangonaut.missioncontrol.common.FormSchema;
import space.djangonaut.missioncontrol.common.FormSchema.Question;

/**
 * The survey's and the mid-point check's page drawn from the cohort's version of their Camunda Form with the
 * generic renderer ({@link FormPage}): only the components asked of this respondent ({@link SurveyForms#asks}),
 * the fixed keys bound to {@link SurveyForm} or {@link MidpointForm} (their Bean Validation messages), the others
 * validated from the schema.
 */
final class SurveyPage {

  private SurveyPage() {}

  /** The other questions asked of this respondent, which the schema validates. */
  static Predicate<Question> others(Respondent kind) {
    return q -> q.other() && SurveyForms.asks(q, kind);
  }

  /** Whether the form asks this respondent the question with this key. */
  static boolean asked(FormSchema schema, Respondent kind, String key) {
    return schema.questions().stream().anyMatch(q -> key.equals(q.key()) && SurveyForms.asks(q, kind));
  }

  /** Puts the fields and the error summary in the model. */
  static void draw(FormSchema schema, Respondent kind, BindingResult bound, FormSchema.Answers others,
      MessageSource messages, Model model) {
    Function<ObjectError, String> text = error -> messages.getMessage(error, Locale.ENGLISH);
    List<FormPage.Field> fields = new ArrayList<>();
    for (Question q : schema.questions()) {
      if (!SurveyForms.asks(q, kind)) {
        continue;
      }
      String label = SurveyForms.label(q, kind);
      if (q.type().equals("text")) {
        fields.add(FormPage.text(q));
      } else if (q.known()) {
        fields.add(FormPage.bound(q, bound, text, label));
      } else {
        fields.add(FormPage.other(q, others, label));
      }
    }
    model.addAttribute("fields", fields);
    model.addAttribute("problems", FormPage.problems(fields, bound, text));
  }

  /** The answers without their errors (a first visit: nothing sent). */
  static FormSchema.Answers withoutErrors(FormSchema.Answers answers) {
    return new FormSchema.Answers(answers.typed(), answers.given(), Map.of());
  }
}
