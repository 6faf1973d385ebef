package org.enrollment.core.command;

import java.util.Objects;
import org.enrollment.core.child.ResidentId;

/**
 * Who gives a command, with the jurisdiction it implies. Written {@code GUARDIAN}, {@code SCHOOL:<code>},
 * {@code DISTRICT:<code>}, {@code CITY} or {@code COBUILD:<unit>}.
 *
 * @param kind the kind of actor
 * @param id the school code, district code or unit id; empty for a guardian and the city
 */
public record Actor(ActorKind kind, String id) {

    private static final int MAX_ID = 64;

    /** Validates that an id is present exactly for the kinds that have one. */
    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        boolean needsId = kind == ActorKind.SCHOOL || kind == ActorKind.DISTRICT || kind == ActorKind.COBUILD;
        if (needsId != !id.isEmpty()) {
            throw new IllegalArgumentException("Actor " + kind + (needsId ? " needs an id." : " takes no id, was '" + id + "'."));
        }
        if (id.length() > MAX_ID || !isPlainId(id)) {
            throw new IllegalArgumentException("Actor id must be 1 to " + MAX_ID + " characters without blanks, colons or control characters.");
        }
    }

    /** Whether the id has no blank, colon or control character (checked by hand: an actor is made for every command). */
    private static boolean isPlainId(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c) || c == ':') {
                return false;
            }
        }
        return true;
    }

    /** A guardian. */
    public static Actor guardian() {
        return new Actor(ActorKind.GUARDIAN, "");
    }

    /** A school, by its code. */
    public static Actor school(String code) {
        return new Actor(ActorKind.SCHOOL, code);
    }

    /** A district commission, by its code. */
    public static Actor district(String code) {
        return new Actor(ActorKind.DISTRICT, code);
    }

    /** The city commission. */
    public static Actor city() {
        return new Actor(ActorKind.CITY, "");
    }

    /** A co-build unit, by its id. */
    public static Actor coBuildUnit(String unit) {
        return new Actor(ActorKind.COBUILD, unit);
    }

    /**
     * Parses the written form.
     *
     * @throws IllegalArgumentException naming the text, when it is of none of the forms
     */
    public static Actor parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        String kindText = colon < 0 ? text : text.substring(0, colon);
        String id = colon < 0 ? "" : text.substring(colon + 1);
        ActorKind kind;
        try {
            kind = ActorKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Actor '" + shorten(text) + "' is none of GUARDIAN, SCHOOL:<code>, DISTRICT:<code>, CITY, COBUILD:<unit>.");
        }
        if (colon >= 0 && id.isEmpty()) {
            throw new IllegalArgumentException("Actor '" + shorten(text) + "' has an empty id.");
        }
        try {
            return new Actor(kind, id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Actor '" + shorten(text) + "': " + e.getMessage(), e);
        }
    }

    /** Whether {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        String safe = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return safe.length() > 80 ? safe.substring(0, 80) + "…" : safe;
    }

    /** The written form, e.g. {@code SCHOOL:HD001}. */
    @Override
    public String toString() {
        return id.isEmpty() ? kind.name() : ResidentId.maskAll(kind.name() + ':' + id);
    }
}
