package io.fedp2p.node.dashboard;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * A HOST:PORT to serve on ({@code 127.0.0.1:8080}, {@code [::1]:0}, {@code localhost:9000}), and the policy that
 * anything but loopback is a deliberate choice: the dashboard and API are unauthenticated, so binding elsewhere
 * prints a warning.
 *
 * @param host a host name or literal address, without brackets
 * @param port 0..65535 (0: any free port)
 */
public record ServeAddress(String host, int port) {
    /** The default: loopback only, any free port. */
    public static final ServeAddress DEFAULT = new ServeAddress("127.0.0.1", 0);

    public ServeAddress {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) throw new IllegalArgumentException("empty host");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    }

    /**
     * @throws IllegalArgumentException naming the problem, for text that is not HOST:PORT
     */
    public static ServeAddress parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1)
            throw new IllegalArgumentException("address must be HOST:PORT, got '" + text + "'");
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        else if (host.contains(":"))
            throw new IllegalArgumentException("write an IPv6 address in brackets, as [::1]:8080, got '" + text + "'");
        try {
            return new ServeAddress(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, got '" + text + "'");
        }
    }

    /** Whether the host is a loopback name or literal (no DNS lookup: other names count as exposed). */
    public boolean loopback() {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    /** Prints a warning on {@code err} when the address is not loopback; returns whether it did. */
    public boolean warnIfExposed(String option, PrintStream err) {
        if (loopback()) return false;
        err.println("WARNING: " + option + " " + host + ":" + port + " serves the dashboard and API without"
                + " authentication to every host that can reach this address (read-only; no keys are served)."
                + " Use 127.0.0.1 unless you mean it.");
        return true;
    }

    /** The browser URL of the dashboard on {@code boundPort}. */
    public String dashboardUrl(int boundPort) {
        String h = host.equals("0.0.0.0") ? "127.0.0.1" : host.equals("::") ? "::1" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + boundPort + DashboardRoutes.PREFIX;
    }
}
