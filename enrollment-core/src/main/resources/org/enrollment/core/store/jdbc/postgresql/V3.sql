-- V3: the audit log's Merkle tree (RFC 6962) and the checkpoints the registry signed, both append-only.
-- Every complete subtree's hash, by level and index as Go's sumdb/tlog stores them: a leaf (level 0) with each
-- entry, in its transaction, and every node the leaf completes (two rows per entry on average). A database of
-- an older version gets the tree of its existing entries built once when the store opens.
CREATE TABLE IF NOT EXISTS audit_tree_node (
    level INT    NOT NULL CHECK (level >= 0 AND level < 63),
    idx   BIGINT NOT NULL CHECK (idx >= 0),                       -- covers entries idx * 2^level to (idx + 1) * 2^level - 1
    hash  BYTEA  NOT NULL CHECK (octet_length(hash) = 32),        -- SHA-256(0x00 || entry line) or SHA-256(0x01 || left || right)
    PRIMARY KEY (level, idx)
);

-- The checkpoints the registry signed (C2SP tlog-checkpoint in a signed note), one per tree size.
CREATE TABLE IF NOT EXISTS audit_checkpoint (
    tree_size BIGINT NOT NULL PRIMARY KEY CHECK (tree_size >= 0),
    note      TEXT   NOT NULL                                     -- the signed note's text
);

DROP TRIGGER IF EXISTS audit_tree_node_append_only ON audit_tree_node;
CREATE TRIGGER audit_tree_node_append_only BEFORE UPDATE OR DELETE ON audit_tree_node
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
DROP TRIGGER IF EXISTS audit_tree_node_not_truncated ON audit_tree_node;
CREATE TRIGGER audit_tree_node_not_truncated BEFORE TRUNCATE ON audit_tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_checkpoint;
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
DROP TRIGGER IF EXISTS audit_checkpoint_not_truncated ON audit_checkpoint;
CREATE TRIGGER audit_checkpoint_not_truncated BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
