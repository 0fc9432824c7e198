package io.fedp2p.sim.network;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the quantities of scenario files: durations ({@code 20ms}, {@code 1.5s}, {@code 2m}, {@code 500us},
 * {@code 3h}; a bare number is seconds) and bandwidths ({@code 100Mbit/s}, {@code 12.5MB/s}, {@code 1Gbps},
 * {@code inf}; a bare number is bytes per second; k/M/G are powers of 1000). Errors name the text and the valid forms.
 */
public final class Quantities {
    private static final Pattern NUMBER_UNIT =
            Pattern.compile("([0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z/]*)");

    private Quantities() {}

    /** A non-negative duration. */
    public static Duration duration(String text) {
        Matcher m = NUMBER_UNIT.matcher(text.strip());
        if (!m.matches()) throw new IllegalArgumentException(badDuration(text));
        double v = Double.parseDouble(m.group(1));
        double scale =
                switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "", "s" -> 1e9;
                    case "ns" -> 1;
                    case "us", "µs" -> 1e3;
                    case "ms" -> 1e6;
                    case "m", "min" -> 60e9;
                    case "h" -> 3600e9;
                    default -> throw new IllegalArgumentException(badDuration(text));
                };
        double nanos = v * scale;
        if (!(nanos < 1e18)) throw new IllegalArgumentException("duration '" + text + "' is too long");
        return Duration.ofNanos(Math.round(nanos));
    }

    private static String badDuration(String text) {
        return "bad duration '" + text + "'; use a number with ns, us, ms, s, m or h (e.g. 20ms, 1.5s)";
    }

    /** Bytes per second, {@code Double.POSITIVE_INFINITY} for {@code inf}; must be &gt; 0. */
    public static double bandwidth(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinite") || t.equalsIgnoreCase("unlimited")) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = NUMBER_UNIT.matcher(t);
        if (!m.matches()) throw new IllegalArgumentException(badBandwidth(text));
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        double scale = bandwidthScale(unit);
        if (Double.isNaN(scale)) throw new IllegalArgumentException(badBandwidth(text));
        double bps = v * scale;
        if (!(bps > 0)) throw new IllegalArgumentException("bandwidth must be > 0, got '" + text + "'");
        return bps;
    }

    private static double bandwidthScale(String unit) {
        if (unit.isEmpty() || unit.equals("B/s")) return 1;
        String u = unit.endsWith("/s") ? unit.substring(0, unit.length() - 2) : unit;
        boolean perSecondWord = u.endsWith("ps");
        if (perSecondWord) u = u.substring(0, u.length() - 2);
        double prefix = 1;
        if (!u.isEmpty()) {
            char p = u.charAt(0);
            if (p == 'k' || p == 'K') prefix = 1e3;
            else if (p == 'M') prefix = 1e6;
            else if (p == 'G') prefix = 1e9;
            if (prefix != 1) u = u.substring(1);
        }
        if (u.equals("bit") || (perSecondWord && u.equals("b"))) return prefix / 8;
        if (u.equals("B")) return prefix;
        return Double.NaN;
    }

    private static String badBandwidth(String text) {
        return "bad bandwidth '" + text + "'; use e.g. 100Mbit/s, 1Gbps, 12.5MB/s, a number of bytes per second,"
                + " or inf";
    }

    /** A short text form of a duration in the largest unit that keeps it readable: {@code 20ms}, {@code 1.5s}. */
    public static String format(Duration d) {
        long n = d.toNanos();
        if (n % 1_000_000_000L == 0) return n / 1_000_000_000L + "s";
        if (n % 1_000_000L == 0) return n / 1_000_000L + "ms";
        if (n % 1_000L == 0) return n / 1_000L + "us";
        return n + "ns";
    }
}
