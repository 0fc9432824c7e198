package io.fedp2p.gossip.cli;

import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.KeyFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedp2p keygen --out FILE}: a new Ed25519 identity in a 0600 key file (CLI.md). */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = "Create a new Ed25519 identity key file (libp2p PrivateKey protobuf, mode 0600).")
public final class KeygenCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "where to write the key; never overwritten")
    Path out;

    @Option(names = "--json", description = "print one JSON object: peerId, file")
    boolean json;

    @Override
    public void run() {
        Identity id = Identity.generate(new SecureRandom());
        try {
            KeyFiles.write(out, id);
        } catch (FileAlreadyExistsException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), out + " already exists; not overwriting it");
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot write " + out + ": " + e);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("peerId", id.peerId().toString());
            m.put("file", out.toAbsolutePath().toString());
            Cli.printJson(w, m);
        } else {
            w.println(id.peerId());
            w.flush();
        }
    }
}
