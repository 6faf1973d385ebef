// Command tlogcheck checks what enrollment.jar's "log" verbs write, with an implementation that is not
// enrollment's: Go's golang.org/x/mod/sumdb/note (signed notes, Ed25519 keys) and golang.org/x/mod/sumdb/tlog
// (RFC 6962 tree hashes, record and tree proofs), plus the C2SP cosignature/v1 message written here from
// the spec (c2sp.org/tlog-cosignature), since x/mod has no cosigner.
//
//	tlogcheck checkpoint AUDIT LOG.vkey CP [WITNESS.vkey...]   the tree of AUDIT's first N lines is CP's
//	tlogcheck proof AUDIT LOG.vkey PROOF [WITNESS.vkey...]     the tlog-proof@v1 proves its line of AUDIT
//	tlogcheck consistency LOG.vkey OLD_CP NEW_CP PROOF         NEW_CP's tree extends OLD_CP's
//
// Every witness key given must have a valid cosignature on the checkpoint. Prints "ok ..." and exits 0, or
// prints what failed and exits 1.
package main

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func main() {
	if len(os.Args) < 5 {
		fail("usage: tlogcheck checkpoint|proof|consistency ...")
	}
	a := os.Args[2:]
	switch os.Args[1] {
	case "checkpoint":
		size, root := openCheckpoint(read(a[2]), a[1], a[3:])
		lines := auditLines(a[0])
		if int64(len(lines)) < size {
			fail("the audit has %d lines, the checkpoint counts %d", len(lines), size)
		}
		th, err := tlog.TreeHash(size, storedHashes(lines[:size]))
		check(err)
		if th != root {
			fail("tree hash of %d lines is %v, checkpoint says %v", size, th, root)
		}
		fmt.Printf("ok checkpoint %d\n", size)
	case "proof":
		text := string(read(a[2]))
		lines := strings.Split(text, "\n")
		if lines[0] != "c2sp.org/tlog-proof@v1" || !strings.HasPrefix(lines[1], "index ") {
			fail("not a tlog-proof@v1")
		}
		index, err := strconv.ParseInt(strings.TrimPrefix(lines[1], "index "), 10, 64)
		check(err)
		var proof tlog.RecordProof
		i := 2
		for ; lines[i] != ""; i++ {
			h, err := tlog.ParseHash(lines[i])
			check(err)
			proof = append(proof, h)
		}
		size, root := openCheckpoint([]byte(strings.Join(lines[i+1:], "\n")), a[1], a[3:])
		record := auditLines(a[0])[index]
		check(tlog.CheckRecord(proof, size, root, index, tlog.RecordHash(record)))
		fmt.Printf("ok proof %d in %d\n", index, size)
	case "consistency":
		oldSize, oldRoot := openCheckpoint(read(a[1]), a[0], nil)
		newSize, newRoot := openCheckpoint(read(a[2]), a[0], nil)
		var proof tlog.TreeProof
		for _, line := range strings.Fields(string(read(a[3]))) {
			h, err := tlog.ParseHash(line)
			check(err)
			proof = append(proof, h)
		}
		check(tlog.CheckTree(proof, newSize, newRoot, oldSize, oldRoot))
		fmt.Printf("ok consistency %d to %d\n", oldSize, newSize)
	default:
		fail("unknown check %q", os.Args[1])
	}
}

// openCheckpoint opens the signed note with the log's key and every witness key, and reads its body.
func openCheckpoint(msg []byte, logVkey string, witnessVkeys []string) (int64, tlog.Hash) {
	logVerifier, err := note.NewVerifier(strings.TrimSpace(string(read(logVkey))))
	check(err)
	verifiers := []note.Verifier{logVerifier}
	for _, w := range witnessVkeys {
		verifiers = append(verifiers, newCosignatureV1Verifier(strings.TrimSpace(string(read(w)))))
	}
	n, err := note.Open(msg, note.VerifierList(verifiers...))
	check(err)
	signed := map[string]bool{}
	for _, s := range n.Sigs {
		signed[fmt.Sprintf("%s+%08x", s.Name, s.Hash)] = true
	}
	for _, v := range verifiers {
		if !signed[fmt.Sprintf("%s+%08x", v.Name(), v.KeyHash())] {
			fail("no valid signature by %s+%08x", v.Name(), v.KeyHash())
		}
	}
	body := strings.Split(n.Text, "\n")
	if len(body) < 4 || body[0] != logVerifier.Name() {
		fail("not a checkpoint of %s: %q", logVerifier.Name(), n.Text)
	}
	size, err := strconv.ParseInt(body[1], 10, 64)
	check(err)
	root, err := tlog.ParseHash(body[2])
	check(err)
	return size, root
}

// cosignatureV1 verifies c2sp.org/tlog-cosignature Ed25519 cosignatures: vkey type 0x04, signature a
// big-endian uint64 timestamp then Ed25519 over "cosignature/v1\ntime <t>\n" and the note body.
type cosignatureV1 struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func newCosignatureV1Verifier(vkey string) note.Verifier {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		fail("bad witness vkey")
	}
	material, err := base64.StdEncoding.DecodeString(parts[2])
	check(err)
	if len(material) != 33 || material[0] != 0x04 {
		fail("witness vkey is not type 0x04 Ed25519")
	}
	digest := sha256.Sum256(append([]byte(parts[0]+"\n"), material...))
	hash := binary.BigEndian.Uint32(digest[:4])
	if fmt.Sprintf("%08x", hash) != parts[1] {
		fail("witness vkey hash %s is not %08x", parts[1], hash)
	}
	return &cosignatureV1{name: parts[0], hash: hash, key: ed25519.PublicKey(material[1:])}
}

func (v *cosignatureV1) Name() string    { return v.name }
func (v *cosignatureV1) KeyHash() uint32 { return v.hash }
func (v *cosignatureV1) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	signed := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", t)), msg...)
	return ed25519.Verify(v.key, signed, sig[8:])
}

// storedHashes computes the tree's stored hashes with tlog.StoredHashes, leaf by leaf.
func storedHashes(lines [][]byte) tlog.HashReaderFunc {
	var stored []tlog.Hash
	reader := tlog.HashReaderFunc(func(indexes []int64) ([]tlog.Hash, error) {
		out := make([]tlog.Hash, len(indexes))
		for i, x := range indexes {
			out[i] = stored[x]
		}
		return out, nil
	})
	for i, line := range lines {
		hashes, err := tlog.StoredHashes(int64(i), line, reader)
		check(err)
		stored = append(stored, hashes...)
	}
	return reader
}

// auditLines reads the export's lines without their line ends.
func auditLines(file string) [][]byte {
	var lines [][]byte
	scanner := bufio.NewScanner(bytes.NewReader(read(file)))
	scanner.Buffer(make([]byte, 1<<20), 1<<26)
	for scanner.Scan() {
		lines = append(lines, append([]byte(nil), scanner.Bytes()...))
	}
	check(scanner.Err())
	return lines
}

func read(file string) []byte {
	b, err := os.ReadFile(file)
	check(err)
	return b
}

func check(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tlogcheck: "+format+"\n", args...)
	os.Exit(1)
}
