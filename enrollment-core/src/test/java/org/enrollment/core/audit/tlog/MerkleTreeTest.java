package org.enrollment.core.audit.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers: the RFC 6962 tree of the eight leaves transparency-dev/merkle and certificate-transparency-go test
 * with (testonly/constants.go, proof/verify_test.go), its roots, nodes, inclusion and consistency proofs.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    private static final String[] ROOTS = {
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static MerkleTree vectorTree() {
        MerkleTree tree = new MerkleTree();
        for (String leaf : LEAVES) {
            tree.append(Hash.leaf(HEX.parseHex(leaf)));
        }
        return tree;
    }

    static Hash h(String hex) {
        return Hash.of(HEX.parseHex(hex));
    }

    static List<Hash> hs(String... hex) {
        return List.of(hex).stream().map(MerkleTreeTest::h).toList();
    }

    @Test
    void rootsOfEveryPrefixAreThePublishedOnes() {
        MerkleTree tree = new MerkleTree();
        assertThat(tree.root()).isEqualTo(h(ROOTS[0]));
        for (int n = 1; n <= LEAVES.length; n++) {
            tree.append(Hash.leaf(HEX.parseHex(LEAVES[n - 1])));
            assertThat(tree.root()).as("root of %d", n).isEqualTo(h(ROOTS[n]));
        }
        for (int n = 0; n <= LEAVES.length; n++) {
            assertThat(tree.root(n)).as("root of the first %d of 8", n).isEqualTo(h(ROOTS[n]));
        }
    }

    @Test
    void leafHashesAreThePublishedOnes() {
        MerkleTree tree = vectorTree();
        assertThat(tree.leaf(1)).isEqualTo(h("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"));
        assertThat(tree.leaf(7)).isEqualTo(h("46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"));
    }

    @Test
    void inclusionProofsAreThePublishedOnes() {
        MerkleTree tree = vectorTree();
        assertInclusion(tree, 0, 8, hs("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertInclusion(tree, 5, 8, hs("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertInclusion(tree, 2, 3, hs("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"));
        assertInclusion(tree, 1, 5, hs("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
        assertInclusion(tree, 0, 1, List.of());
    }

    private static void assertInclusion(MerkleTree tree, long index, long size, List<Hash> published) {
        InclusionProof proof = tree.inclusionProof(index, size);
        assertThat(proof.path()).as("path of %d in %d", index, size).isEqualTo(published);
        Hash root = h(ROOTS[(int) size]);
        assertThat(proof.verify(tree.leaf(index), root)).isTrue();
        assertThat(proof.verify(tree.leaf(index), h(ROOTS[(int) size - 1]))).as("another root").isFalse();
        if (size > 1) {
            assertThat(proof.verify(tree.leaf((index + 1) % size), root)).as("another leaf").isFalse();
            assertThat(new InclusionProof(index, size * 2, published).verify(tree.leaf(index), root)).as("twice the size").isFalse();
            List<Hash> flipped = new ArrayList<>(published);
            byte[] first = flipped.get(0).bytes();
            first[0] ^= 8;
            flipped.set(0, Hash.of(first));
            assertThat(new InclusionProof(index, size, flipped).verify(tree.leaf(index), root)).as("a bit flipped").isFalse();
            List<Hash> longer = new ArrayList<>(published);
            longer.add(root);
            assertThat(new InclusionProof(index, size, longer).verify(tree.leaf(index), root)).as("trailing root").isFalse();
            assertThat(new InclusionProof(index, size, published.subList(0, published.size() - 1))
                    .verify(tree.leaf(index), root)).as("removed component").isFalse();
        }
    }

    @Test
    void consistencyProofsAreThePublishedOnes() {
        MerkleTree tree = vectorTree();
        assertConsistency(tree, 1, 8, hs("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
        assertConsistency(tree, 6, 8, hs("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertConsistency(tree, 2, 5, hs("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));
        assertConsistency(tree, 6, 7, hs("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));
        assertConsistency(tree, 1, 1, List.of());
    }

    private static void assertConsistency(MerkleTree tree, long m, long n, List<Hash> published) {
        ConsistencyProof proof = tree.consistencyProof(m, n);
        assertThat(proof.path()).as("proof %d to %d", m, n).isEqualTo(published);
        Hash oldRoot = h(ROOTS[(int) m]);
        Hash newRoot = h(ROOTS[(int) n]);
        assertThat(proof.verify(oldRoot, newRoot)).isTrue();
        assertThat(ConsistencyProof.parse(m, n, proof.text())).isEqualTo(proof);
        if (m < n) {
            assertThat(proof.verify(newRoot, oldRoot)).as("swapped roots").isFalse();
            assertThat(proof.verify(h(ROOTS[(int) m - 1]), newRoot)).as("wrong old root").isFalse();
            assertThat(new ConsistencyProof(m, n, List.of()).verify(oldRoot, newRoot)).as("empty proof").isFalse();
            assertThat(new ConsistencyProof(m, n, published.subList(0, published.size() - 1)).verify(oldRoot, newRoot))
                    .as("truncated proof").isFalse();
            if (n > m + 1) {
                assertThat(new ConsistencyProof(m + 1, n, published).verify(h(ROOTS[(int) m + 1]), newRoot)).as("m + 1").isFalse();
            }
        }
    }

    @Test
    void everyProofOfSmallTreesVerifiesAndMatchesTheDefinition() {
        MerkleTree tree = new MerkleTree();
        List<Hash> leaves = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            Hash leaf = Hash.leaf(("entry " + i).getBytes());
            leaves.add(leaf);
            tree.append(leaf);
        }
        for (int n = 1; n <= 70; n++) {
            Hash root = definedRoot(leaves.subList(0, n));
            assertThat(tree.root(n)).as("root of %d", n).isEqualTo(root);
            for (int i = 0; i < n; i++) {
                assertThat(tree.inclusionProof(i, n).verify(leaves.get(i), root)).as("%d in %d", i, n).isTrue();
            }
            for (int m = 0; m <= n; m++) {
                assertThat(tree.consistencyProof(m, n).verify(tree.root(m), root)).as("%d to %d", m, n).isTrue();
            }
        }
    }

    /** MTH of RFC 6962 §2.1, straight from its definition. */
    private static Hash definedRoot(List<Hash> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Hash.node(definedRoot(leaves.subList(0, k)), definedRoot(leaves.subList(k, leaves.size())));
    }
}
