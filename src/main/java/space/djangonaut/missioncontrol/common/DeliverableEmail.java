package space.djangonaut.missioncontrol.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An email address a mail server will take, for every address people type that Mission Control writes to (the
 * application and volunteer forms). Null and blank pass: pair it with {@code @NotBlank}. The rules, and the message
 * for each, are {@link DeliverableEmailValidator}'s.
 */
@Documented
@Constraint(validatedBy = DeliverableEmailValidator.class)
@Target({FIELD, PARAMETER})
@Retention(RUNTIME)
public @interface DeliverableEmail {

  /** The message for an address that is not one at all; the others say what to change. */
  String message() default DeliverableEmailValidator.NOT_AN_ADDRESS;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
