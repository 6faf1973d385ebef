package org.enrollment.examples.log;

import java.nio.file.Path;
import org.enrollment.core.audit.tlog.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code log keygen}: a new Ed25519 key in the signed-note text forms. */
@Command(name = "keygen", description = "Writes PREFIX.key (PRIVATE+KEY+<name>+<hash>+<seed>, keep it secret) and PREFIX.vkey (the verifier key); "
                + "prints the verifier key.")
final class KeygenCommand extends LogVerb {

    @Option(names = "--origin", required = true, paramLabel = "O",
            description = "The key's name: the log's origin (e.g. city.example/enrollment-2026), or the witness's name.")
    private String origin;

    @Option(names = "--out", required = true, paramLabel = "PREFIX", description = "Where to write PREFIX.key and PREFIX.vkey.")
    private String out;

    @Option(names = "--witness", description = "A witness's key: its vkey has type 0x04, for cosignature/v1 (C2SP tlog-cosignature).")
    private boolean witness;

    @Override
    int run(LogArguments args) {
        SigningKey key;
        try {
            key = SigningKey.generate(origin);
        } catch (IllegalArgumentException e) {
            throw args.bad("--origin: " + e.getMessage());
        }
        String vkey = (witness ? key.cosignerKey() : key.verifierKey()).text() + "\n";
        args.write("--out", Path.of(out + ".key"), key.text() + "\n");
        args.write("--out", Path.of(out + ".vkey"), vkey);
        return args.holds(vkey);
    }
}
