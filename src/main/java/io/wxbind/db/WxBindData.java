package io.wxbind.db;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where WxBind keeps its rows: the application produces a container-managed
 * {@code EntityManager} with this qualifier from the persistence unit that holds WxBind's
 * entities (its own unit with {@link #MAPPING_FILE}, or WxBind's own unit), and may produce a
 * {@code DataSource} for the migrations (else {@code jdbc/wxbind}):
 * <pre>
 * &#64;Produces &#64;WxBindData &#64;PersistenceContext EntityManager wxbind;
 * </pre>
 * The classes jar carries no persistence unit, so a WAR that merely has the jar deploys without
 * a datasource; the unit and its datasource are the host's choice.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE})
public @interface WxBindData {

    /** WxBind's entities and converter, for a persistence unit's {@code <mapping-file>}. */
    String MAPPING_FILE = "io/wxbind/db/wxbind-orm.xml";

    /** For programmatic lookups and synthetic beans. */
    final class Literal extends AnnotationLiteral<WxBindData> implements WxBindData {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
