package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessTest {

    private static final String ORIGIN = "city.example/enrollment-log";
    private final SigningKey logKey = SigningKey.generate(ORIGIN);
    private final SigningKey witnessKey = SigningKey.generate("district-01.example/witness");
    private final MerkleTree tree = new MerkleTree();
    private final MerkleTree forked = new MerkleTree();
    @TempDir
    Path state;
    private Witness witness;

    @BeforeEach
    void grow() {
        for (int i = 0; i < 40; i++) {
            tree.appendEntry(("entry " + i).getBytes(), 0, ("entry " + i).length());
            String other = i == 17 ? "entry 17, rewritten" : "entry " + i;
            forked.appendEntry(other.getBytes(), 0, other.length());
        }
        witness = new Witness(state, logKey.verifierKey(), witnessKey, Clock.fixed(Instant.ofEpochSecond(1_780_000_000L), ZoneOffset.UTC));
    }

    private SignedNote checkpoint(MerkleTree t, long size) {
        return Checkpoint.of(ORIGIN, t, size).signedBy(logKey);
    }

    @Test
    void acceptsTheFirstOnTrustAndCosignsIt() {
        WitnessVerdict verdict = witness.observe(checkpoint(tree, 10), Optional.empty());
        assertThat(verdict).isInstanceOf(WitnessVerdict.Accepted.class);
        SignedNote cosigned = ((WitnessVerdict.Accepted) verdict).cosigned();
        assertThat(cosigned.verifiedBy(logKey.verifierKey())).isTrue();
        assertThat(cosigned.verifiedBy(witnessKey.cosignerKey())).isTrue();
        assertThat(VerifierKey.cosignedAt(cosigned.signatures().get(1))).isEqualTo(1_780_000_000L);
        assertThat(witness.held()).contains(checkpoint(tree, 10));
    }

    @Test
    void acceptsALaterTreeOnlyWithAConsistencyProof() {
        witness.observe(checkpoint(tree, 10), Optional.empty());
        assertThat(witness.observe(checkpoint(tree, 30), Optional.empty()))
                .isEqualTo(new WitnessVerdict.Refused("A consistency proof from 10 to 30 entries is needed: the witness holds 10 entries with root "
                        + tree.root(10).base64() + ", the checkpoint has 30 entries with root " + tree.root(30).base64() + ".", Optional.empty()));
        assertThat(witness.observe(checkpoint(tree, 30), Optional.of(tree.consistencyProof(10, 30))).accepted()).isTrue();
        assertThat(Checkpoint.of(witness.held().orElseThrow()).size()).isEqualTo(30);
    }

    @Test
    void aSplitViewIsRefusedAndKeptAsEvidence() throws Exception {
        witness.observe(checkpoint(tree, 20), Optional.empty());
        WitnessVerdict verdict = witness.observe(checkpoint(forked, 20), Optional.empty());
        assertThat(verdict.accepted()).isFalse();
        WitnessVerdict.Refused refused = (WitnessVerdict.Refused) verdict;
        assertThat(refused.reason()).startsWith("Split view: the witness holds 20 entries");
        String evidence = Files.readString(refused.evidence().orElseThrow());
        assertThat(evidence).contains(checkpoint(tree, 20).text()).contains(checkpoint(forked, 20).text());
        assertThat(witness.held()).contains(checkpoint(tree, 20));
    }

    @Test
    void aLaterTreeThatRewroteAnEarlierEntryHasNoProofThatHolds() {
        witness.observe(checkpoint(tree, 20), Optional.empty());
        WitnessVerdict verdict = witness.observe(checkpoint(forked, 40), Optional.of(forked.consistencyProof(20, 40)));
        assertThat(verdict.accepted()).isFalse();
        assertThat(((WitnessVerdict.Refused) verdict).evidence()).isPresent();
    }

    @Test
    void aSmallerTreeThatIsNotAPrefixIsEvidenceAndOneThatIsIsMerelyOld() {
        witness.observe(checkpoint(tree, 30), Optional.empty());
        WitnessVerdict forkedOld = witness.observe(checkpoint(forked, 25), Optional.of(forked.consistencyProof(25, 30)));
        assertThat(((WitnessVerdict.Refused) forkedOld).evidence()).isPresent();
        WitnessVerdict old = witness.observe(checkpoint(tree, 25), Optional.of(tree.consistencyProof(25, 30)));
        assertThat(((WitnessVerdict.Refused) old).evidence()).isEmpty();
        assertThat(((WitnessVerdict.Refused) old).reason()).startsWith("The checkpoint is older than the one held");
    }

    @Test
    void aCheckpointNotSignedByTheLogIsRefusedWithoutEvidence() {
        SignedNote forged = Checkpoint.of(ORIGIN, tree, 10).signedBy(SigningKey.generate(ORIGIN));
        WitnessVerdict verdict = witness.observe(forged, Optional.empty());
        assertThat(verdict).isEqualTo(new WitnessVerdict.Refused("The checkpoint is not signed by the log key " + ORIGIN + ".", Optional.empty()));
        assertThat(witness.held()).isEmpty();
    }

    @Test
    void aQuorumCountsEachWitnessOnceAndOnlyValidCosignatures() {
        SigningKey second = SigningKey.generate("school.example/witness");
        SigningKey third = SigningKey.generate("observer.example/witness");
        SignedNote cp = checkpoint(tree, 10);
        SignedNote once = cp.with(witnessKey.cosign(cp.body(), 5)).with(witnessKey.cosign(cp.body(), 6));
        CosignerQuorum twoOfThree = new CosignerQuorum(List.of(witnessKey.cosignerKey(), second.cosignerKey(), third.cosignerKey()), 2);
        assertThat(twoOfThree.check(once).holds()).isFalse();
        assertThat(twoOfThree.check(once).problem()).isEqualTo("2 of 3 witnesses must have cosigned the checkpoint; 1 did.");
        SignedNote wrongBody = once.with(second.cosign("another body\n", 7));
        assertThat(twoOfThree.check(wrongBody).holds()).isFalse();
        assertThat(twoOfThree.check(once.with(third.cosign(cp.body(), 7))).holds()).isTrue();
    }

    @Test
    void aTlogProofRoundTripsAndChecksTheEntry() {
        SignedNote cp = checkpoint(tree, 33);
        TlogProof proof = TlogProof.of(tree.inclusionProof(17, 33), cp);
        TlogProof read = TlogProof.parse(proof.text());
        assertThat(read).isEqualTo(proof);
        assertThat(proof.text()).startsWith("c2sp.org/tlog-proof@v1\nindex 17\n");
        assertThat(read.check("entry 17".getBytes(), logKey.verifierKey(), CosignerQuorum.none()).holds()).isTrue();
        assertThat(read.check("entry 18".getBytes(), logKey.verifierKey(), CosignerQuorum.none()).problem())
                .isEqualTo("Entry 17 is not the entry the checkpoint of 33 entries holds there.");
        CosignerQuorum one = new CosignerQuorum(List.of(witnessKey.cosignerKey()), 1);
        assertThat(read.check("entry 17".getBytes(), logKey.verifierKey(), one).holds()).isFalse();
    }
}
