package io.fedp2p.gossip.cli;

import io.fedp2p.gossip.identity.Identity;
import io.fedp2p.gossip.identity.KeyFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --key FILE | --seed HEX64}: where a command's identity comes from. */
final class IdentityOptions {
    @Option(names = "--key", paramLabel = "FILE", description = "identity key file (libp2p PrivateKey protobuf)")
    Path key;

    @Option(names = "--seed", paramLabel = "HEX64", description = "32-byte Ed25519 seed as 64 hex digits")
    String seed;

    /** The chosen identity; a random one when neither option is given and {@code required} is false. */
    Identity load(CommandLine cmd, boolean required) {
        if (key != null && seed != null) {
            throw new CommandLine.ParameterException(cmd, "give either --key or --seed, not both");
        }
        if (seed != null) {
            return fromSeed(cmd, seed);
        }
        if (key != null) {
            try {
                return KeyFiles.read(key);
            } catch (NoSuchFileException e) {
                throw new CommandLine.ParameterException(cmd, "key file " + key + " does not exist");
            } catch (IOException e) {
                throw new CommandLine.ParameterException(cmd, "cannot read key file " + key + ": " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cmd, e.getMessage());
            }
        }
        if (required) {
            throw new CommandLine.ParameterException(cmd, "give --key FILE or --seed HEX64");
        }
        return Identity.generate(new SecureRandom());
    }

    static Identity fromSeed(CommandLine cmd, String hex) {
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new CommandLine.ParameterException(cmd, "--seed must be exactly 64 hex digits (32 bytes)");
        }
        return Identity.fromSeed(HexFormat.of().parseHex(hex));
    }
}
