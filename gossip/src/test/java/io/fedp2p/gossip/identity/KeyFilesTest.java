package io.fedp2p.gossip.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesMode0600AndReadsTheSameIdentityBack() throws Exception {
        Path file = dir.resolve("node.key");
        Identity id = Identity.fromSeed(new byte[32]);

        KeyFiles.write(file, id);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(KeyFiles.read(file).peerId()).isEqualTo(id.peerId());
    }

    @Test
    void neverOverwritesAnExistingFile() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFiles.write(file, Identity.fromSeed(new byte[32]));

        assertThatThrownBy(() -> KeyFiles.write(file, Identity.fromSeed(new byte[32])))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void refusesAGroupOrWorldReadableKeyWithTheFix() throws Exception {
        Path file = dir.resolve("node.key");
        KeyFiles.write(file, Identity.fromSeed(new byte[32]));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyFiles.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("other users can read")
                .hasMessageContaining("chmod 600");
    }

    @Test
    void refusesAFileThatIsNotAKey() throws Exception {
        Path file = dir.resolve("junk.key");
        Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.CREATE_NEW);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> KeyFiles.read(file)).hasMessageContaining("junk.key");
    }
}
