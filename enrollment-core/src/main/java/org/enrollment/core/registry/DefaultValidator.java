package org.enrollment.core.registry;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

/** One validator for all registries of the process: building a factory is slow, using one is thread-safe. */
final class DefaultValidator {

    static final Validator INSTANCE = Validation.buildDefaultValidatorFactory().getValidator();

    private DefaultValidator() {
    }
}
