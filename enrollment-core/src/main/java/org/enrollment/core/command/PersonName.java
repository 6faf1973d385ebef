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
import java.text.Normalizer;
import org.enrollment.core.child.Problem;
import org.enrollment.core.child.ResidentId;

/**
 * A child's name (姓名) as a registry of names should keep it: in Unicode NFC (the commands normalise it), 1 to
 * 50 characters, at least one of them visible (not a space, joiner or combining mark), and none that hides or disguises text: no control or separator
 * characters, no format characters (zero-width spaces, right-to-left overrides and other bidirectional
 * controls, tag characters; only what some scripts need is kept: the zero-width joiner and non-joiner and the
 * implicit direction marks LRM, RLM and ALM, which reorder nothing around them), no
 * noncharacters (U+FFFF and the like), lone surrogates or private-use characters, and no resident ID.
 * {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PersonName.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

    /** The most characters allowed. */
    int MAX = 50;

    /** The message template, when no more precise one is given. */
    String message() default "must be a name of 1 to 50 characters";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};

    /** Checks a {@link PersonName} value. */
    final class Validator implements ConstraintValidator<PersonName, String> {

        /** For the validation provider. */
        public Validator() {
        }

        /** The name in NFC, as the commands hold it; {@code null} stays {@code null}. */
        public static String normalized(String name) {
            return name == null || Normalizer.isNormalized(name, Normalizer.Form.NFC) ? name : Normalizer.normalize(name, Normalizer.Form.NFC);
        }

        /** What is wrong with the name, in Chinese and English, or {@code null} when it is a valid name. */
        public static Problem problemWith(String name) {
            String value = normalized(name);
            if (value.isEmpty() || value.codePointCount(0, value.length()) > MAX) {
                return new Problem("须为 1 到 " + MAX + " 个字符", "must be 1 to " + MAX + " characters");
            }
            boolean visible = false;
            for (int i = 0; i < value.length(); ) {
                int c = value.codePointAt(i);
                Problem bad = badCharacter(c);
                if (bad != null) {
                    String at = String.format(" (U+%04X, %d)", c, i);
                    return new Problem("不能含有" + bad.zh() + at, "must not hold " + bad.en() + at);
                }
                visible |= isVisible(c);
                i += Character.charCount(c);
            }
            if (!visible) {
                return new Problem("须含有可见字符（现在只有空格、连接符或组合符号）",
                        "must hold a visible character (it is only spaces, joiners or combining marks)");
            }
            if (!ResidentId.maskAll(value).equals(value)) {
                return new Problem("不能含有身份证号", "must not hold a resident ID");
            }
            return null;
        }

        /** Whether the character shows by itself: not a space, a format character or a mark on another. */
        private static boolean isVisible(int c) {
            int type = Character.getType(c);
            return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && type != Character.FORMAT
                    && type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK;
        }

        private static Problem badCharacter(int c) {
            if ((c & 0xFFFE) == 0xFFFE || c >= 0xFDD0 && c <= 0xFDEF) {
                return new Problem("非字符", "a noncharacter");
            }
            if (c >= 0xE0000 && c <= 0xE007F) {
                return new Problem("标签字符", "a tag character");
            }
            return switch (Character.getType(c)) {
                case Character.CONTROL, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> new Problem("控制字符或分隔符", "a control or separator character");
                case Character.FORMAT -> c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x061C ? null
                        : Character.getDirectionality(c) >= Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING
                        ? new Problem("双向控制字符", "a bidirectional control") : new Problem("不可见的格式字符", "an invisible format character");
                case Character.SURROGATE -> new Problem("孤立的代理项", "a lone surrogate");
                case Character.PRIVATE_USE -> new Problem("私用区字符", "a private-use character");
                case Character.UNASSIGNED -> new Problem("未分配的字符", "an unassigned character");
                default -> null;
            };
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            Problem problem = problemWith(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem.en().replace("{", "(").replace("}", ")").replace("$", ""))
                    .addConstraintViolation();
            return false;
        }
    }
}
