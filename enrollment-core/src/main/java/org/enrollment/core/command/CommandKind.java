package org.enrollment.core.command;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of command, by the name scenario files and the audit log use for them. */
public enum CommandKind {
    /** A guardian registers a child online. */
    REGISTER("register"),
    /** A guardian corrects a registration. */
    AMEND("amend"),
    /** A guardian deletes a registration. */
    WITHDRAW("withdraw"),
    /** A school checks the documents. */
    VERIFY("verify"),
    /** A school ticks a child (打钩). */
    TICK("tick"),
    /** A school takes a tick back. */
    UNTICK("untick"),
    /** A school submits its ticked list. */
    SUBMIT_LIST("submit-list"),
    /** A district approves a school's list or one entry. */
    APPROVE("approve"),
    /** A district returns an entry. */
    RETURN("return"),
    /** A district withdraws a registration not yet approved. */
    RELEASE("release"),
    /** A school issues admission notices. */
    ADMIT("admit"),
    /** The city creates a student record. */
    FILE("file"),
    /** A boarding school decides on an application. */
    BOARDING_DECIDE("boarding-decide"),
    /** A co-build unit gives a school its list. */
    COBUILD_LIST("cobuild-list"),
    /** A school selects from a waiting co-build list. */
    COBUILD_SELECT("cobuild-select");

    /** Every kind by its name, read once for every line of a scenario file. */
    private static final Map<String, CommandKind> BY_TEXT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(CommandKind::text, k -> k));

    private final String text;

    CommandKind(String text) {
        this.text = text;
    }

    /** The name used in scenario files and the audit log, e.g. {@code submit-list}. */
    public String text() {
        return text;
    }

    /** The kind with this name, if any. */
    public static Optional<CommandKind> fromText(String text) {
        return Optional.ofNullable(text == null ? null : BY_TEXT.get(text));
    }
}
