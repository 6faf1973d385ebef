package org.enrollment.core.season;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A season's terms (招生年度参数) as one canonical text and its SHA-256 fingerprint: the year, the window,
 * the grace days, the age cut-off day and upper age bound, the districts, every school with its plan, every co-build agreement with its quota. Two
 * seasons judge alike exactly when their terms are equal; the order schools and agreements were given in does
 * not count. A store shared by several nodes keeps the terms so that every node judges by the same season.
 *
 * <p>The text has one line {@code key = value} a term, in a fixed order, e.g. {@code school HD001 plan = 5}.
 *
 * @param text the canonical text
 * @param fingerprint the SHA-256 of the text (UTF-8), 64 lower-case hex digits
 */
public record SeasonTerms(String text, String fingerprint) {

    private static final String SEPARATOR = " = ";

    /** Checks that the fingerprint is the text's. */
    public SeasonTerms {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (!fingerprint.equals(sha256(text))) {
            throw new IllegalArgumentException("The season terms' fingerprint " + fingerprint + " is not that of their text.");
        }
    }

    /** The season's terms. */
    public static SeasonTerms of(Season season) {
        Objects.requireNonNull(season, "season");
        StringBuilder t = new StringBuilder(1024);
        line(t, "year", season.year());
        line(t, "opens", season.opens());
        line(t, "closes", season.closes());
        line(t, "boardingGraceDays", season.boardingGraceDays());
        line(t, "ageCutoff", season.ageCutoff());
        line(t, "maximumAge", season.maximumAge());
        for (District d : season.districts().all().stream().sorted(Comparator.comparing(District::code)).toList()) {
            line(t, "district " + d.code(), d.name());
        }
        for (School s : season.schools().stream().sorted(Comparator.comparing(School::code)).toList()) {
            String key = "school " + s.code();
            line(t, key + " name", s.name());
            line(t, key + " district", s.district());
            line(t, key + " plan", s.plan());
            line(t, key + " boarding", s.boarding());
        }
        for (CoBuildAgreement a : season.agreements().stream()
                .sorted(Comparator.comparing(CoBuildAgreement::unit).thenComparing(CoBuildAgreement::school)).toList()) {
            line(t, "agreement " + a.unit() + " with " + a.school() + " quota", a.quota());
        }
        String text = t.toString();
        return new SeasonTerms(text, sha256(text));
    }

    /** Terms read back from where they were kept: the fingerprint is computed again. */
    public static SeasonTerms ofText(String text) {
        return new SeasonTerms(text, sha256(Objects.requireNonNull(text, "text")));
    }

    /**
     * What differs between these terms and others, one line per term, e.g.
     * {@code school HD001 plan: 10 here, 5 there}; empty when they are equal.
     */
    public List<String> differences(SeasonTerms there) {
        Map<String, String> mine = terms(text);
        Map<String, String> theirs = terms(there.text);
        List<String> found = new ArrayList<>();
        mine.forEach((key, value) -> {
            String other = theirs.get(key);
            if (!value.equals(other)) {
                found.add(key + ": " + value + " here, " + (other == null ? "none" : other) + " there");
            }
        });
        theirs.forEach((key, value) -> {
            if (!mine.containsKey(key)) {
                found.add(key + ": none here, " + value + " there");
            }
        });
        return found;
    }

    private static Map<String, String> terms(String text) {
        Map<String, String> terms = new LinkedHashMap<>();
        text.lines().forEach(l -> {
            int at = l.indexOf(SEPARATOR);
            terms.put(at < 0 ? l : l.substring(0, at), at < 0 ? "" : l.substring(at + SEPARATOR.length()));
        });
        return terms;
    }

    private static void line(StringBuilder t, String key, Object value) {
        t.append(key).append(SEPARATOR).append(value).append('\n');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256.", e);
        }
    }
}
