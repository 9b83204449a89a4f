package io.wxbind.it.support;

import io.wxbind.launch.Database;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Local accounts a test needs beyond the demo's two, inserted over JDBC the way
 * {@code DemoAccountSeeder} persists them: group {@code user}, and the password hashed in Jakarta
 * Security's {@code Pbkdf2PasswordHash} format ({@code algorithm:iterations:salt:hash}, Base64),
 * which the container's database identity store checks. No app code is involved, so nothing
 * test-only has to ship in the WAR.
 */
public final class TestAccounts {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** Jakarta Security's default, which its verifier accepts (at least 1024). */
    private static final int ITERATIONS = 2048;

    private TestAccounts() {
    }

    /** {@code prefix-0 .. prefix-(count-1)}, all with {@code password}; returns their names. */
    public static List<String> create(Database db, String prefix, int count, String password) {
        String hash = pbkdf2(password); // one hash for all: the salt need not differ between test accounts
        List<String> names = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement account = c.prepareStatement(
                     "insert into wxbind_user_account (username, password_hash, display_name, created_at) values (?, ?, ?, now())");
             PreparedStatement group = c.prepareStatement("insert into wxbind_user_group (username, group_name) values (?, 'user')")) {
            for (int i = 0; i < count; i++) {
                String name = prefix + "-" + i;
                account.setString(1, name);
                account.setString(2, hash);
                account.setString(3, "Test account " + i);
                account.addBatch();
                group.setString(1, name);
                group.addBatch();
                names.add(name);
            }
            account.executeBatch();
            group.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test accounts " + prefix + "-*", e);
        }
        return names;
    }

    static String pbkdf2(String password) {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        try {
            byte[] key = SecretKeyFactory.getInstance(ALGORITHM)
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 32 * 8)).getEncoded();
            Base64.Encoder b64 = Base64.getEncoder();
            return ALGORITHM + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
