package io.wxbind.admin;

import io.wxbind.audit.AuditKind;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/admin/audit}, validated: each filter adds a fixed JPQL condition
 * with a named parameter, so no client text ever becomes query text. Entries come newest first
 * by id (a stable order: ids only grow), a page at a time from the {@code before} cursor.
 *
 * @param account entries of this account or about it (an admin's action on it), or null
 * @param app     appid, or null
 * @param kinds   any of these kinds (empty: all)
 * @param from    at or after, or null
 * @param to      before, or null
 * @param client  this exact client address, or null
 * @param before  ids below this (the {@code next} of the previous page)
 * @param limit   1-{@value #MAX_LIMIT}
 */
public record AuditQuery(String account, String app, Set<String> kinds, Instant from, Instant to, String client, long before, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern CLIENT = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    /** A parse: the query, or the 400's code and message. */
    record Parsed(AuditQuery query, String error, String message) {
        static Parsed bad(String error, String message) {
            return new Parsed(null, error, message);
        }
    }

    static Parsed parse(String account, String app, String kind, String from, String to, String client, String before,
            String limit) {
        if (account != null && !AdminInput.matches(AdminInput.ACCOUNT, account)) {
            return Parsed.bad("bad_account", "account must be 1-128 characters without control characters.");
        }
        if (app != null && !AdminInput.matches(AdminInput.APP_ID, app)) {
            return Parsed.bad("bad_app", "app must be an appid: 1-32 letters, digits or '_'.");
        }
        Set<String> kinds = new LinkedHashSet<>();
        if (kind != null) {
            for (String k : kind.split(",", -1)) {
                String name = k.strip().toUpperCase(Locale.ROOT);
                if (Arrays.stream(AuditKind.values()).noneMatch(v -> v.name().equals(name))) {
                    return Parsed.bad("bad_kind", "kind must be one or more (comma-separated) of " + Arrays.toString(AuditKind.values()) + ".");
                }
                kinds.add(name);
            }
        }
        Instant start;
        Instant end;
        try {
            start = from == null ? null : Instant.parse(from);
            end = to == null ? null : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return Parsed.bad("bad_time", "from and to are UTC instants like 2026-12-03T18:00:00Z.");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            return Parsed.bad("bad_time", "from must be before to.");
        }
        if (client != null && !CLIENT.matcher(client).matches()) {
            return Parsed.bad("bad_client", "client must be an IPv4 or IPv6 address.");
        }
        if (before != null && (!NUMBER.matcher(before).matches() || Long.parseLong(before) < 1)) {
            return Parsed.bad("bad_before", "before must be the positive entry id given as \"next\" by the previous page.");
        }
        if (limit != null && (!NUMBER.matcher(limit).matches() || Long.parseLong(limit) < 1 || Long.parseLong(limit) > MAX_LIMIT)) {
            return Parsed.bad("bad_limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return new Parsed(new AuditQuery(account, app, Set.copyOf(kinds), start, end, client,
                before == null ? Long.MAX_VALUE : Long.parseLong(before), limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit)), null, null);
    }

    /** The JPQL: fixed text per filter given. */
    String jpql() {
        List<String> where = new ArrayList<>(List.of("e.id < :before"));
        parameters().keySet().forEach(name -> {
            switch (name) {
                case "account" -> where.add("(e.account = :account or e.subject = :account)");
                case "app" -> where.add("e.appId = :app");
                case "kinds" -> where.add("e.kind in :kinds");
                case "from" -> where.add("e.at >= :from");
                case "to" -> where.add("e.at < :to");
                case "client" -> where.add("e.clientAddress = :client");
                default -> { }
            }
        });
        return "select e from AuditEntry e where " + String.join(" and ", where) + " order by e.id desc";
    }

    /** The parameters the JPQL names, {@code before} included. */
    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("before", before);
        put(p, "account", account);
        put(p, "app", app);
        put(p, "kinds", kinds.isEmpty() ? null : List.copyOf(kinds));
        put(p, "from", from);
        put(p, "to", to);
        put(p, "client", client);
        return p;
    }

    private static void put(Map<String, Object> p, String name, Object value) {
        if (value != null) {
            p.put(name, value);
        }
    }
}
