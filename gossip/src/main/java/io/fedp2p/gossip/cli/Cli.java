package io.fedp2p.gossip.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fedp2p.gossip.multiaddr.Multiaddr;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/** Helpers shared by the gossip commands: parsing user input, JSON output, waiting for futures. */
final class Cli {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Cli() {}

    static Multiaddr multiaddr(CommandLine cmd, String text) {
        try {
            return Multiaddr.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "bad multiaddr: " + e.getMessage());
        }
    }

    static void printJson(PrintWriter out, Map<String, ?> fields) {
        try {
            out.println(JSON.writeValueAsString(fields));
            out.flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a byte count: an integer with an optional suffix (kB, MB, GB decimal; KiB, MiB, GiB binary). */
    static long bytes(CommandLine cmd, String text) {
        String t = text.trim();
        long unit = 1;
        String[][] suffixes = {
            {"KiB", "1024"},
            {"MiB", "1048576"},
            {"GiB", "1073741824"},
            {"kB", "1000"},
            {"MB", "1000000"},
            {"GB", "1000000000"},
            {"B", "1"}
        };
        for (String[] s : suffixes) {
            if (t.endsWith(s[0])) {
                unit = Long.parseLong(s[1]);
                t = t.substring(0, t.length() - s[0].length()).trim();
                break;
            }
        }
        try {
            long v = Long.parseLong(t);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(v, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.ParameterException(cmd, "bad byte count '" + text + "' (e.g. 1048576, 64MiB, 10MB)");
        }
    }

    /** Waits for {@code f}; failures become a run failure naming {@code what}. */
    static <T> T await(Future<T> f, long seconds, String what) {
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": timed out after " + seconds + " s", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException(what + ": " + c.getMessage(), c);
        }
    }

    static double round(double v, int digits) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + digits + "f", v));
    }
}
