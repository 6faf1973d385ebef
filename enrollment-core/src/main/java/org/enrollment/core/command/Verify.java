package org.enrollment.core.command;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.enrollment.core.child.MaskedText;
import org.enrollment.core.child.ResidentId;
import org.enrollment.core.registration.Document;
import org.enrollment.core.registration.VerificationResult;

/**
 * A school checks the documents the family brought (审核). A {@code pass} needs every document the policy asks of the child; a {@code fail} needs a reason.
 *
 * @param child the child's resident ID
 * @param result {@code pass} or {@code fail}
 * @param documents the document codes seen (see {@link org.enrollment.core.registration.Document}); {@code null} for none
 * @param reason why it failed, 1 to 200 characters; required for {@code fail}
 */
public record Verify(@NotNull @ResidentIdText String child,
                     @NotNull @Pattern(regexp = "pass|fail", message = "must be pass or fail") String result,
                     List<@NotNull @Pattern(regexp = "HUKOU|BIRTH|HOME|WORK|RESIDENCE|TEMP_RESIDENCE|NO_GUARDIAN_HOME", message = "must be a document code") String> documents,
                     @PlainText(max = 200) String reason) implements ChildCommand {

    /**
     * The result as its type.
     *
     * @throws IllegalArgumentException when {@code result} is neither {@code pass} nor {@code fail} (the
     *         registry refuses such a command as input before it asks)
     */
    public VerificationResult verificationResult() {
        return VerificationResult.valueOf(result.toUpperCase(Locale.ROOT));
    }

    /** The school saw these documents and the verification passes. */
    public static Verify pass(ResidentId child, Set<Document> shown) {
        return new Verify(child.value(), "pass", shown.stream().map(Document::name).sorted().toList(), null);
    }

    /** The verification fails, for this reason. */
    public static Verify fail(ResidentId child, String reason) {
        return new Verify(child.value(), "fail", null, reason);
    }

    @Override
    public CommandKind kind() {
        return CommandKind.VERIFY;
    }

    /** The command with resident IDs masked. */
    @Override
    public String toString() {
        return MaskedText.of(this);
    }
}
