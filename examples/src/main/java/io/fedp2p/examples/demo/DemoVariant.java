package io.fedp2p.examples.demo;

/**
 * One of the three runs of the demo: the same seed, data, keys and topology each time.
 *
 * @param key directory name and JSON key
 * @param title what the table calls it
 * @param defence the defence the honest peers run
 * @param attack the attack the Byzantine peers run ({@code none}: they follow the protocol, but are still not
 *     counted as honest)
 */
public record DemoVariant(String key, String title, String defence, String attack) {
    /** The main run, its no-defence twin and its no-attack twin (CLI.md summary.json). */
    public static java.util.List<DemoVariant> of(DemoSettings s) {
        DemoVariant main = new DemoVariant("defended", "with " + s.defence(), s.defence(), s.attack());
        if (!s.twins()) return java.util.List.of(main);
        return java.util.List.of(
                main,
                new DemoVariant("no-defence", "without the defence (mean)", "mean", s.attack()),
                new DemoVariant("no-attack", "without attackers", s.defence(), "none"));
    }
}
