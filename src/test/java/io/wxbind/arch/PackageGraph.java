package io.wxbind.arch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which {@code io.wxbind} package uses which, read from Java sources: the imports and any fully
 * qualified name in the code, with comments and string literals left out (a {@code {@link}} in a
 * comment is no dependency). Sources, not class files, because the compiler inlines constants
 * ({@code LINK_PATH}) and a class file would not show that use.
 */
final class PackageGraph {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A qualified type name: lower-case segments, then a type (upper case); the package is all before the type. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.wxbind(?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]\\w*");
    private static final Pattern WILDCARD = Pattern.compile("\\bimport\\s+(io\\.wxbind(?:\\.[a-z_][a-z0-9_]*)*)\\.\\*\\s*;");

    /** from package → to package → the files of {@code from} that use {@code to}. */
    private final Map<String, Map<String, Set<String>>> uses = new TreeMap<>();

    private PackageGraph() {
    }

    /** Every {@code .java} file below {@code root} (a source root such as {@code src/main/java}). */
    static PackageGraph read(Path root) {
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(root.relativize(file).toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(sources);
    }

    /** The graph of these sources (file name → text). */
    static PackageGraph of(Map<String, String> sources) {
        PackageGraph graph = new PackageGraph();
        sources.forEach((file, text) -> {
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                return;
            }
            String from = pkg.group(1);
            graph.uses.computeIfAbsent(from, k -> new TreeMap<>());
            String code = codeOnly(text);
            for (Pattern pattern : List.of(QUALIFIED, WILDCARD)) {
                Matcher m = pattern.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        graph.uses.get(from).computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(file);
                    }
                }
            }
        });
        return graph;
    }

    Set<String> packages() {
        return uses.keySet();
    }

    /** The packages {@code from} uses, each with the files that use it. */
    Map<String, Set<String>> usesOf(String from) {
        return uses.getOrDefault(from, Map.of());
    }

    /**
     * The package cycles: each set of two or more packages that reach one another (Tarjan's
     * strongly connected components), sorted, so a report names all of them at once.
     */
    List<Set<String>> cycles() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> found = new ArrayList<>();
        for (String p : uses.keySet()) {
            if (!index.containsKey(p)) {
                connect(p, index, low, stack, found);
            }
        }
        return found;
    }

    private void connect(String p, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack, List<Set<String>> found) {
        index.put(p, index.size());
        low.put(p, index.get(p));
        stack.push(p);
        for (String q : usesOf(p).keySet()) {
            if (!index.containsKey(q)) {
                connect(q, index, low, stack, found);
                low.put(p, Math.min(low.get(p), low.get(q)));
            } else if (stack.contains(q)) {
                low.put(p, Math.min(low.get(p), index.get(q)));
            }
        }
        if (low.get(p).equals(index.get(p))) {
            Set<String> component = new TreeSet<>();
            String q;
            do {
                q = stack.pop();
                component.add(q);
            } while (!q.equals(p));
            if (component.size() > 1) {
                found.add(component);
            }
        }
    }

    /** The edges inside a cycle, with the files, for a message that says what to move. */
    String describe(Set<String> cycle) {
        StringBuilder out = new StringBuilder();
        for (String from : cycle) {
            usesOf(from).forEach((to, files) -> {
                if (cycle.contains(to)) {
                    out.append("\n  ").append(from).append(" → ").append(to).append(" (").append(String.join(", ", files)).append(')');
                }
            });
        }
        return out.toString();
    }

    /** The text with comments, string and char literals (text blocks too) blanked out. */
    static String codeOnly(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                i = skipTo(text, "\n", i + 2); // the line break stays
            } else if (text.startsWith("/*", i)) {
                i = skipTo(text, "*/", i + 2) + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                i = skipTo(text, "\"\"\"", i + 3) + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i, c);
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }

    private static int skipTo(String text, String end, int from) {
        int at = text.indexOf(end, from);
        return at < 0 ? text.length() : at;
    }

    private static int endOfLiteral(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote && text.charAt(i) != '\n') {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
