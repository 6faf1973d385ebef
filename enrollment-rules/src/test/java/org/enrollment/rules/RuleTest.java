package org.enrollment.rules;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the test of one shipped rule, by the rule's name; every shipped rule has exactly one. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RuleTest {

    /** The rule's name, exactly as in its file. */
    String value();
}
