package io.fedp2p.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command's YAML configuration (CLI.md: the file uses the option names without dashes). Every key must be one of
 * the command's options, scalars become {@code --key value}, lists repeat the option, {@code true} turns a flag on.
 * Errors name the file and the key.
 */
final class ConfigFile {
    private ConfigFile() {}

    static List<String> toArgs(Path file, CommandSpec spec) {
        if (!Files.isRegularFile(file))
            throw new ParameterException(spec.commandLine(), "config file " + file + " not found");
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "config file " + file + " is not valid YAML: " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) return new ArrayList<>();
        if (!root.isObject()) throw new ParameterException(spec.commandLine(), file + ": expected a map of settings");
        TreeSet<String> valid = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (name.startsWith("--")
                    && !name.equals("--config")
                    && !name.equals("--help")
                    && !name.equals("--version")) {
                valid.add(name.substring(2));
            }
        }
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            String key = e.getKey();
            if (!valid.contains(key)) {
                throw new ParameterException(
                        spec.commandLine(),
                        file + ": unknown key '" + key + "'; valid keys: " + String.join(", ", valid));
            }
            OptionSpec option = spec.findOption("--" + key);
            JsonNode v = e.getValue();
            if (option.arity().max() == 0) {
                if (!v.isBoolean())
                    throw new ParameterException(
                            spec.commandLine(), file + ": key '" + key + "' must be true or false");
                if (v.asBoolean()) args.add("--" + key);
            } else if (v.isArray()) {
                if (!option.isMultiValue()) {
                    throw new ParameterException(
                            spec.commandLine(), file + ": key '" + key + "' takes one value, not a list");
                }
                for (JsonNode x : v) {
                    args.add("--" + key);
                    args.add(scalar(file, key, x, spec));
                }
            } else {
                args.add("--" + key);
                args.add(scalar(file, key, v, spec));
            }
        }
        return args;
    }

    private static String scalar(Path file, String key, JsonNode v, CommandSpec spec) {
        if (v.isValueNode() && !v.isNull()) return v.asText();
        throw new ParameterException(spec.commandLine(), file + ": key '" + key + "' must be a single value");
    }
}
