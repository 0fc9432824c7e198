package io.fedp2p.gossip.identity;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Identity key files: the libp2p {@code PrivateKey} protobuf, created with mode 0600. A key file that its group or
 * other users can read (or write) is refused, as ssh does, because anyone who reads it can impersonate the node.
 * SPEC-GAP: the issue names readable files; we also refuse group/world-writable ones (someone could swap the key).
 */
public final class KeyFiles {
    private static final Set<PosixFilePermission> UNSAFE = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);

    private KeyFiles() {}

    /**
     * Writes {@code identity} to a new file with mode 0600.
     *
     * @throws FileAlreadyExistsException if {@code file} exists (a key is never overwritten)
     */
    public static void write(Path file, Identity identity) throws IOException {
        byte[] encoded = identity.toPrivateKeyProtobuf();
        if (supportsPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.write(file, encoded);
    }

    /**
     * Reads a key file.
     *
     * @throws IllegalArgumentException when the file is group/world-accessible or does not hold an Ed25519
     *     {@code PrivateKey}, with a message naming the file and the fix
     */
    public static Identity read(Path file) throws IOException {
        if (supportsPosix(file)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> unsafe = EnumSet.noneOf(PosixFilePermission.class);
            unsafe.addAll(perms);
            unsafe.retainAll(UNSAFE);
            if (!unsafe.isEmpty()) {
                throw new IllegalArgumentException("key file " + file + " has mode "
                        + PosixFilePermissions.toString(perms)
                        + ": other users can read or change it; run: chmod 600 " + file);
            }
        }
        long size = Files.size(file);
        if (size > 4096) {
            throw new IllegalArgumentException("key file " + file + " is " + size + " bytes, not a libp2p key");
        }
        try {
            return Identity.fromPrivateKeyProtobuf(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean supportsPosix(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return (dir == null ? file : dir)
                .getFileSystem()
                .supportedFileAttributeViews()
                .contains("posix");
    }
}
