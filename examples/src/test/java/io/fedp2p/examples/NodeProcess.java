package io.fedp2p.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code fedp2p} process started from the built jar, its output in files, and waits on it. */
public final class NodeProcess {
    public static final Path JAR = Path.of("target", "fedp2p.jar").toAbsolutePath();
    private static final Pattern API = Pattern.compile("API on http://([0-9.]+:[0-9]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    final Process process;
    final Path stdout;
    final Path stderr;

    private NodeProcess(String name, Process process, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs {@code fedp2p args...} with stdout and stderr in {@code logs/name.{out,err}} (appended). */
    public static NodeProcess start(Path logs, String name, List<String> args) throws IOException {
        return start(logs, name, List.of(), args);
    }

    /** The same, behind a command prefix (e.g. {@code ip netns exec NS}). */
    public static NodeProcess start(Path logs, String name, List<String> prefix, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Xmx1g");
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(args);
        Files.createDirectories(logs);
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()))
                .start();
        return new NodeProcess(name, p, out, err);
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    /** Everything the process printed on stdout so far. */
    public String stdout() {
        return out();
    }

    /** The operating-system process. */
    public Process process() {
        return process;
    }

    String out() {
        return read(stdout);
    }

    String err() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** The multiaddr of the last "Listening on" line, once printed. */
    public String listenAddr(Duration timeout) {
        await(name + " to listen", timeout, () -> out().contains("Listening on ") || !process.isAlive());
        if (!process.isAlive() && !out().contains("Listening on ")) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail(err()));
        }
        String[] lines = out().split("\n");
        String last = "";
        for (String l : lines)
            if (l.startsWith("Listening on "))
                last = l.substring("Listening on ".length()).trim();
        return last;
    }

    /** The API address of the last start. */
    String api() {
        Matcher m = API.matcher(err());
        String last = null;
        while (m.find()) last = m.group(1);
        if (last == null) throw new AssertionError(name + " printed no API address");
        return last;
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://" + api() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
