package org.enrollment.core.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.enrollment.core.audit.tlog.Checkpoint;
import org.enrollment.core.audit.tlog.CheckpointStore;
import org.enrollment.core.audit.tlog.SignedNote;

/**
 * The checkpoints signed of the store's audit log, in the table {@code audit_checkpoint} (append-only), one per tree
 * size: every node of the city may sign, and a size already kept by another is kept once. Each is checked when read
 * ({@code log check-store}), not trusted because it is in the database.
 */
final class JdbcCheckpoints implements CheckpointStore {

    private final Database database;

    JdbcCheckpoints(Database database) {
        this.database = database;
    }

    @Override
    public void add(SignedNote checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        long size = Checkpoint.of(checkpoint).size();
        database.committed("Keeping a signed checkpoint", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_checkpoint (tree_size, note) SELECT ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoint WHERE tree_size = ?)")) {
                p.setLong(1, size);
                p.setString(2, checkpoint.text());
                p.setLong(3, size);
                return p.executeUpdate();
            }
        });
    }

    @Override
    public Optional<SignedNote> latest() {
        List<SignedNote> last = read("SELECT note FROM audit_checkpoint ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY");
        return last.stream().findFirst();
    }

    @Override
    public List<SignedNote> all() {
        return read("SELECT note FROM audit_checkpoint ORDER BY tree_size");
    }

    private List<SignedNote> read(String sql) {
        return database.read("Reading the signed checkpoints", c -> {
            List<SignedNote> notes = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    notes.add(SignedNote.parse(r.getString(1)));
                }
            }
            return notes;
        });
    }
}
