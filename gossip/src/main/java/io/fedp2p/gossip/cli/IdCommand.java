package io.fedp2p.gossip.cli;

import io.fedp2p.gossip.identity.Identity;
import java.io.PrintWriter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fedp2p id [--key FILE | --seed HEX64]}: the peer id of a key (CLI.md). */
@Command(
        name = "id",
        mixinStandardHelpOptions = true,
        description = "Print the peer id (base58btc and CIDv1) and public key protobuf of a key file or seed.")
public final class IdCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    IdentityOptions identity = new IdentityOptions();

    @Option(names = "--json", description = "print one JSON object: peerId, cid, publicKeyProtobufHex")
    boolean json;

    @Override
    public void run() {
        Identity id = identity.load(spec.commandLine(), true);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peerId", id.peerId().toString());
        m.put("cid", id.peerId().toCid());
        m.put("publicKeyProtobufHex", HexFormat.of().formatHex(id.publicKey().toProtobuf()));
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            Cli.printJson(w, m);
        } else {
            m.forEach((k, v) -> w.println(k + ": " + v));
            w.flush();
        }
    }
}
