package org.enrollment.examples.log;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.ConsistencyProof;
import org.enrollment.core.audit.tlog.Witness;
import org.enrollment.core.audit.tlog.WitnessVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code log witness}: a witness looks at a checkpoint and cosigns it, or refuses and keeps the evidence. */
@Command(name = "witness", description = {"Accepts the checkpoint (the first on trust, later ones only with a consistency proof from the last "
                + "accepted) and prints it with the witness's cosignature/v1 added; or refuses, saying why, and keeps "
                + "two checkpoints that cannot both be true in DIR/evidence."})
final class WitnessCommand extends LogVerb {

    @Option(names = "--state", required = true, paramLabel = "DIR", description = "The witness's folder: what it accepted, its evidence.")
    private Path state;

    @Option(names = "--vkey", required = true, paramLabel = "V", description = "The log's verifier key.")
    private Path vkey;

    @Option(names = "--key", required = true, paramLabel = "WK", description = "The witness's private key.")
    private Path key;

    @Mixin
    private CheckpointArgument checkpoint;

    @Option(names = "--proof", paramLabel = "P",
            description = "The consistency proof from the last accepted checkpoint's size to this one's (log consistency).")
    private Path proof;

    @Override
    int run(LogArguments args) {
        Witness witness;
        try {
            witness = new Witness(state, args.verifierKey("--vkey", vkey), args.signingKey("--key", key), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw args.bad("--vkey " + vkey + ": " + e.getMessage());
        }
        CheckpointArgument.Read offered = checkpoint.read(args);
        Checkpoint next = offered.checkpoint();
        long heldSize = witness.held().map(n -> Checkpoint.of(n).size()).orElse(0L);
        Optional<ConsistencyProof> consistency = proof == null ? Optional.empty()
                : Optional.of(args.parsed("--proof", proof, text -> ConsistencyProof.parse(
                        Math.min(heldSize, next.size()), Math.max(heldSize, next.size()), text)));
        WitnessVerdict verdict = witness.observe(offered.note(), consistency);
        if (verdict instanceof WitnessVerdict.Accepted accepted) {
            return args.holds(accepted.cosigned().text());
        }
        return args.doesNotHold(((WitnessVerdict.Refused) verdict).reason());
    }
}
