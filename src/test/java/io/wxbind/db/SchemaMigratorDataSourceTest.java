package io.wxbind.db;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Instance;
import java.lang.reflect.Proxy;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Which datasource the migrations run on: the host's {@code @WxBindData DataSource} first, else jdbc/wxbind. */
class SchemaMigratorDataSourceTest {

    @Test
    void dataSourceWhenHostProducesOneThenThatOne() {
        DataSource hosts = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (p, m, a) -> { throw new UnsupportedOperationException(m.getName()); });
        SchemaMigrator migrator = new SchemaMigrator();
        migrator.declared = instance(hosts);
        assertSame(hosts, migrator.dataSource());
    }

    @Test
    void dataSourceWhenNoneProducedAndNoJndiThenSaysWhatToDo() {
        SchemaMigrator migrator = new SchemaMigrator();
        migrator.declared = instance(null);
        IllegalStateException e = assertThrows(IllegalStateException.class, migrator::dataSource);
        assertTrue(e.getMessage().contains("@WxBindData DataSource") && e.getMessage().contains("jdbc/wxbind"), e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Instance<DataSource> instance(DataSource ds) {
        return (Instance<DataSource>) Proxy.newProxyInstance(SchemaMigratorDataSourceTest.class.getClassLoader(), new Class<?>[] {Instance.class},
                (p, m, a) -> switch (m.getName()) {
                    case "isResolvable" -> ds != null;
                    case "get" -> ds;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
