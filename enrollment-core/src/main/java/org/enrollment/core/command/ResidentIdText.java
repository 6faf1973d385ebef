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
import org.enrollment.core.child.ResidentId;

/**
 * Text that must be a valid resident ID (GB 11643-1999). A violation is reported as
 * {@code INVALID_RESIDENT_ID}, not {@code INVALID_INPUT}. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ResidentIdText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ResidentIdText {

    /** The message template. */
    String message() default "is not a valid resident ID";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link ResidentIdText} value. */
    final class Validator implements ConstraintValidator<ResidentIdText, String> {

        /** For the validation provider. */
        public Validator() {
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ResidentId.isValid(value);
        }
    }
}
