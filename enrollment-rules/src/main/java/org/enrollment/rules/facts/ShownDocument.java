package org.enrollment.rules.facts;

import java.util.Objects;
import org.enrollment.core.registration.Document;

/** A document the family showed the school at verification. */
public final class ShownDocument {

    private final Document document;

    /** The document shown. */
    public ShownDocument(Document document) {
        this.document = Objects.requireNonNull(document, "document");
    }

    /** Which document. */
    public Document getDocument() {
        return document;
    }

    @Override
    public String toString() {
        return "ShownDocument[" + document + "]";
    }
}
