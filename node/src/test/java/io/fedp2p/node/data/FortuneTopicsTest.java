package io.fedp2p.node.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class FortuneTopicsTest {
    @Test
    void entriesAreSplitOnPercentLinesAndCleaned() {
        byte[] raw = "First line\n  second\n%\nb\bbo\bol\bld and _\bu\n%\n%\n\nlast".getBytes(StandardCharsets.UTF_8);
        assertThat(FortuneTopics.entries(raw)).containsExactly("First line second", "bold and u", "last");
    }

    @Test
    void everyCategoryHoldsOutTwentyPercentDeterministically() {
        FortuneTopics a = FortuneTopics.load(FortuneCorpus.DEFAULT_DIR);
        FortuneTopics b = FortuneTopics.load(FortuneCorpus.DEFAULT_DIR);
        assertThat(a.test()).isEqualTo(b.test());
        int total = a.train().size() + a.validation().size() + a.test().size();
        assertThat(total).isBetween(4500, 5500);
        for (int c = 0; c < FortuneTopics.CATEGORIES.size(); c++) {
            final int label = c;
            long test = a.test().stream().filter(e -> e.label() == label).count();
            long all = test
                    + a.train().stream().filter(e -> e.label() == label).count()
                    + a.validation().stream().filter(e -> e.label() == label).count();
            assertThat((double) test / all).as(FortuneTopics.CATEGORIES.get(c)).isBetween(0.19, 0.21);
        }
        assertThat(a.train()).doesNotContainAnyElementsOf(a.test());
    }

    @Test
    void aMissingCategoryNamesTheDebianPackage(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> FortuneTopics.load(dir))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("fortunes")
                .hasMessageContaining("apt-get install fortunes");
    }

    /** Writes the first {@code perCategory} entries of every category into {@code dir} (small test data). */
    public static void writeSmall(Path dir, int perCategory) throws Exception {
        for (String c : FortuneTopics.CATEGORIES) {
            List<String> e = FortuneTopics.entries(Files.readAllBytes(FortuneCorpus.DEFAULT_DIR.resolve(c)));
            Files.writeString(dir.resolve(c), String.join("\n%\n", e.subList(0, perCategory)) + "\n");
        }
    }
}
