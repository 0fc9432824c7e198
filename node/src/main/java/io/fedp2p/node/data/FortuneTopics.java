package io.fedp2p.node.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fortunes-topic} classification data: the entries of eight topical files of Debian's {@code fortunes}
 * package, labelled by file. Entries are the text between {@code %} lines, with overstrike pairs ({@code x\b})
 * removed and whitespace collapsed; empty entries are dropped.
 *
 * <p>Split, deterministic and the same on every machine: entry {@code i} of a file (in file order) is a test entry
 * when {@code i % 5 == 4} (20% of every category), a validation-pool entry when {@code i % 20 == 7} (5%, only used
 * for the nodes' local validation slices when asked for), and a training entry otherwise.
 */
public final class FortuneTopics {
    /** The eight categories of issue 11, label i = index i. */
    public static final List<String> CATEGORIES =
            List.of("computers", "politics", "science", "songs-poems", "men-women", "work", "art", "startrek");

    /** One entry: its text and label. */
    public record Entry(String text, int label) {}

    private final List<Entry> train;
    private final List<Entry> validation;
    private final List<Entry> test;

    private FortuneTopics(List<Entry> train, List<Entry> validation, List<Entry> test) {
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.test = List.copyOf(test);
    }

    /**
     * Loads the eight category files from {@code dir}.
     *
     * @throws DatasetFormatException naming the Debian package when a file is missing or unreadable
     */
    public static FortuneTopics load(Path dir) {
        List<Entry> train = new ArrayList<>();
        List<Entry> validation = new ArrayList<>();
        List<Entry> test = new ArrayList<>();
        for (int label = 0; label < CATEGORIES.size(); label++) {
            Path f = dir.resolve(CATEGORIES.get(label));
            if (!Files.isRegularFile(f)) {
                throw new DatasetFormatException(f + ": no such file (the fortunes-topic task needs the Debian package "
                        + "fortunes: apt-get install fortunes, or pass --data-dir)");
            }
            List<String> entries;
            try {
                entries = entries(Files.readAllBytes(f));
            } catch (IOException e) {
                throw new DatasetFormatException(f + ": cannot read (" + e.getMessage() + ")", e);
            }
            if (entries.size() < 10) throw new DatasetFormatException(f + ": only " + entries.size() + " entries");
            for (int i = 0; i < entries.size(); i++) {
                Entry e = new Entry(entries.get(i), label);
                if (i % 5 == 4) test.add(e);
                else if (i % 20 == 7) validation.add(e);
                else train.add(e);
            }
        }
        return new FortuneTopics(train, validation, test);
    }

    /** Splits a fortune file into cleaned entries. */
    public static List<String> entries(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.equals("%")) {
                add(out, cur);
                cur.setLength(0);
            } else {
                cur.append(line).append('\n');
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(List<String> out, StringBuilder entry) {
        String s = stripOverstrike(entry.toString()).replaceAll("\\s+", " ").trim();
        if (!s.isEmpty()) out.add(s);
    }

    /** Removes {@code c\b} pairs (the files' bold and underline overstrikes). */
    static String stripOverstrike(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\b') {
                if (b.length() > 0) b.setLength(b.length() - 1);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Training entries (the pool that partitions split among nodes). */
    public List<Entry> train() {
        return train;
    }

    /** The validation pool (5% of every category). */
    public List<Entry> validation() {
        return validation;
    }

    /** The held-out 20% of every category. */
    public List<Entry> test() {
        return test;
    }

    public int numClasses() {
        return CATEGORIES.size();
    }
}
