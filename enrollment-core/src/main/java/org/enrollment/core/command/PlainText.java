package org.enrollment.core.command;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: 1 to {@link #max()} characters (code points), none of them a control character or
 * a line or paragraph separator. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** The most characters allowed. */
    int max();

    /** The English message template, the default of {@link #message()}. */
    String MESSAGE = "must be 1 to {max} characters without control characters";

    /** The message template. */
    String message() default MESSAGE;

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link PlainText} value. */
    final class Validator implements ConstraintValidator<PlainText, String> {

        private int max;

        /** For the validation provider. */
        public Validator() {
        }

        @Override
        public void initialize(PlainText annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            if (value.isEmpty() || value.length() > 2 * max) {
                return false;
            }
            int count = 0;
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                int type = Character.getType(c);
                if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                        || type == Character.SURROGATE || type == Character.UNASSIGNED && c > 0xFFFF && c >= 0xE0000) {
                    return false;
                }
                count++;
                i += Character.charCount(c);
            }
            return count <= max && !value.isBlank();
        }
    }
}
