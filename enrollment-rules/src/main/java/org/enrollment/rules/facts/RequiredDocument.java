package org.enrollment.rules.facts;

import java.util.Objects;
import org.enrollment.core.registration.Document;

/** A document the policy asks of this child for a pass; the document decision table inserts these. */
public final class RequiredDocument {

    private final Document document;

    /** The document required. */
    public RequiredDocument(Document document) {
        this.document = Objects.requireNonNull(document, "document");
    }

    /** Which document. */
    public Document getDocument() {
        return document;
    }

    @Override
    public String toString() {
        return "RequiredDocument[" + document + "]";
    }
}
