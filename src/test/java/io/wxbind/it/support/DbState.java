package io.wxbind.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fingerprint of the security-relevant tables (accounts, groups, bindings, API tokens, stamps,
 * pending tickets and QR scenes), to assert that a refused attack changed nothing. Columns that
 * legitimately move without anyone's action (last login times) are left out; tables that count
 * refusals (audit log, attempt limits) are not part of it. A table a build does not have yet is skipped.
 */
public final class DbState {

    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("wxbind_user_account", "t::text");
        TABLES.put("wxbind_user_group", "t::text");
        TABLES.put("wxbind_wechat_openid", "concat_ws(',', t.app_id, t.open_id, t.account_name, t.union_id)");
        TABLES.put("wxbind_wechat_unionid", "t::text");
        TABLES.put("wxbind_api_token", "t::text");
        TABLES.put("wxbind_security_stamp", "t::text");
        TABLES.put("wxbind_bind_ticket", "t::text");
        TABLES.put("wxbind_link_ticket", "t::text");
        TABLES.put("wxbind_qr_scene", "t::text");
    }

    /** Tables whose rows expire, which the minute purge deletes by itself (io.wxbind.db.FlowStatePurger). */
    private static final Set<String> EXPIRING = Set.of("wxbind_api_token", "wxbind_bind_ticket", "wxbind_link_ticket", "wxbind_qr_scene");

    private DbState() {
    }

    /** Table → row count and an md5 over its rows. */
    public static Map<String, String> snapshot() {
        return snapshot(null);
    }

    /**
     * As {@link #snapshot()}, but of the expiring tables only the rows that live past
     * {@code liveAfter}: two snapshots taken with the same instant (a little ahead of now) then
     * differ only by what someone did, never by the purge deleting rows that expired meanwhile.
     */
    public static Map<String, String> snapshot(Instant liveAfter) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = ItSupport.stack().database().connect()) {
            for (Map.Entry<String, String> t : TABLES.entrySet()) {
                if (!exists(c, t.getKey())) {
                    continue;
                }
                boolean live = liveAfter != null && EXPIRING.contains(t.getKey());
                try (PreparedStatement ps = c.prepareStatement("select count(*) || ':' || coalesce(md5(string_agg(" + t.getValue()
                        + ", '|' order by " + t.getValue() + ")), '-') from " + t.getKey() + " t" + (live ? " where t.expires_at > ?" : ""))) {
                    if (live) {
                        ps.setTimestamp(1, Timestamp.from(liveAfter));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        out.put(t.getKey(), rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
