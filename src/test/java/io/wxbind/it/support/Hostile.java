package io.wxbind.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test as a case of the hostile suite (issue 10): an attack that must be refused, the
 * test asserting the status, the message and that the database is unchanged. Each test (each
 * invocation of a parameterized one) is one case; {@link HostileCaseListener} counts them.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Hostile.TAG)
public @interface Hostile {

    String TAG = "hostile";
}
