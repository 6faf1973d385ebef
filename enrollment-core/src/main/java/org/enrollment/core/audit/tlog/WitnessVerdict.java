package org.enrollment.core.audit.tlog;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What a {@link Witness} made of a checkpoint it was offered (见证结论): cosigned, or refused and why. */
public sealed interface WitnessVerdict {

    /** Whether the witness accepted the checkpoint. */
    boolean accepted();

    /**
     * The checkpoint was consistent with what the witness held; it now holds this one.
     *
     * @param cosigned the checkpoint with the witness's cosignature added
     */
    record Accepted(SignedNote cosigned) implements WitnessVerdict {
        /** An accepted checkpoint. */
        public Accepted {
            Objects.requireNonNull(cosigned, "cosigned");
        }

        @Override
        public boolean accepted() {
            return true;
        }
    }

    /**
     * The witness did not cosign; it still holds what it held.
     *
     * @param reason why, naming sizes and roots
     * @param evidence where the witness kept the two checkpoints that cannot both be true, if they are that
     */
    record Refused(String reason, Optional<Path> evidence) implements WitnessVerdict {
        /** A refusal. */
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(evidence, "evidence");
        }

        @Override
        public boolean accepted() {
            return false;
        }
    }
}
