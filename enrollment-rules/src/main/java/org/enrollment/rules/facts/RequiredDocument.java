package org.enrollment.rules.facts;

import java.util.Objects;
import org.enrollment.core.registration.Document;

/**
 * A document the policy asks of this child for a pass (所需材料); the document decision table inserts these.
 *
 * @param document which document
 */
public record RequiredDocument(Document document) {

    /** Validates the field. */
    public RequiredDocument {
        Objects.requireNonNull(document, "document");
    }
}
