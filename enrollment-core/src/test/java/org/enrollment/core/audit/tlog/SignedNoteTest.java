package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Known answer: the key and signed note of Go's golang.org/x/mod/sumdb/note tests (note_test.go, PeterNeumann):
 * Ed25519 being deterministic, signing the same text with the same key gives the published signature.
 */
class SignedNoteTest {

    static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String SIGNED = TEXT + "\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void signingThePublishedTextWithThePublishedKeyGivesThePublishedNote() {
        SigningKey key = SigningKey.of(SKEY);
        assertThat(key.verifierKey().text()).isEqualTo(VKEY);
        assertThat(key.text()).isEqualTo(SKEY);
        assertThat(SignedNote.unsigned(TEXT).signedBy(key).text()).isEqualTo(SIGNED);
    }

    @Test
    void thePublishedNoteVerifiesAndAChangedOneDoesNot() {
        VerifierKey key = VerifierKey.of(VKEY);
        assertThat(SignedNote.parse(SIGNED).verifiedBy(key)).isTrue();
        assertThat(SignedNote.parse(SIGNED).body()).isEqualTo(TEXT);
        assertThat(SignedNote.parse(SIGNED.replace("cryptography", "cryptographY")).verifiedBy(key)).isFalse();
        assertThat(SignedNote.parse(SIGNED).verifiedBy(SigningKey.generate("PeterNeumann").verifierKey())).isFalse();
    }

    @Test
    void manglingsOfTheVerifierKeyAreRefused() {
        byte[] b = VKEY.getBytes();
        int refused = 0;
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            try {
                VerifierKey.of(new String(b));
            } catch (IllegalArgumentException expected) {
                refused++;
            }
            b[i]--;
        }
        assertThat(refused).isEqualTo(b.length);
        assertThatThrownBy(() -> VerifierKey.of("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("not the hash of its key");
    }

    @Test
    void aGeneratedKeyReadsBackAndItsCosignerKeyHasType4() {
        SigningKey key = SigningKey.generate("witness.example/district-01");
        SigningKey read = SigningKey.of(key.text());
        assertThat(read.verifierKey()).isEqualTo(key.verifierKey());
        VerifierKey cosigner = VerifierKey.of(key.cosignerKey().text());
        assertThat(cosigner.type()).isEqualTo(VerifierKey.COSIGNATURE_V1);
        assertThat(cosigner.keyHash()).isNotEqualTo(key.verifierKey().keyHash());
        String seed = key.text().split("\\+", 5)[4]; // PRIVATE+KEY+name+hash+seed; base64 may hold '+' itself
        assertThat(seed).hasSize(44);
        assertThat(read.toString()).doesNotContain(seed);
    }

    @Test
    void aCosignatureCarriesItsTimeAndSignsTheHeaderTimeAndBody() {
        SigningKey witness = SigningKey.generate("witness.example");
        String body = "example.com/log\n5\n" + Hash.empty().base64() + "\n";
        NoteSignature cosignature = witness.cosign(body, 1_679_315_147L);
        assertThat(VerifierKey.cosignedAt(cosignature)).isEqualTo(1_679_315_147L);
        assertThat(witness.cosignerKey().verifies(body, cosignature)).isTrue();
        assertThat(witness.cosignerKey().verifies(body.replace('5', '6'), cosignature)).isFalse();
        assertThat(witness.verifierKey().verifies(body, cosignature)).as("not a plain note signature").isFalse();
        byte[] later = cosignature.signature();
        later[7]++;
        assertThat(witness.cosignerKey().verifies(body, new NoteSignature(cosignature.name(), cosignature.keyHash(), later)))
                .as("time changed").isFalse();
    }

    @Test
    void malformedNotesAreRefused() {
        assertThatThrownBy(() -> SignedNote.parse(TEXT)).hasMessageContaining("blank line");
        assertThatThrownBy(() -> SignedNote.parse(SIGNED.trim())).hasMessageContaining("ends with a newline");
        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n- PeterNeumann AAAA\n")).hasMessageContaining("starts with");
    }
}
