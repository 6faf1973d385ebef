package org.enrollment.rules.facts;

import java.util.Objects;
import org.enrollment.core.registration.Document;

/**
 * A document the family showed the school at verification (出示的材料).
 *
 * @param document which document
 */
public record ShownDocument(Document document) {

    /** Validates the field. */
    public ShownDocument {
        Objects.requireNonNull(document, "document");
    }
}
