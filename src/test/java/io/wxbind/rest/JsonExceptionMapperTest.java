package io.wxbind.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Whose answer an exception becomes: WxBind's JSON only for WxBind's own requests (the host's
 * own answers are checked in a real portal by {@code PortalIT}).
 */
class JsonExceptionMapperTest {

    /** Stands for a host portal's resource class (outside io.wxbind). */
    static final Class<?> HOST_RESOURCE = java.util.ArrayList.class;

    @Test
    void answersForWhenOwnResourceThenWxBind() {
        assertTrue(JsonExceptionMapper.answersFor(ApiTokenResource.class, true, true));
        assertTrue(JsonExceptionMapper.answersFor(ApiTokenResource.class, true, false));
    }

    @Test
    void answersForWhenHostResourceThenHost() {
        assertFalse(JsonExceptionMapper.answersFor(HOST_RESOURCE, true, true));
        assertFalse(JsonExceptionMapper.answersFor(HOST_RESOURCE, true, false));
    }

    @Test
    void answersForWhenNoResourceMatchedThenWxBindOnlyAsTheOnlyLogin() {
        assertTrue(JsonExceptionMapper.answersFor(null, true, false), "WxBind's own WAR: its 404s are JSON too");
        assertFalse(JsonExceptionMapper.answersFor(null, true, true), "a host's unmatched path is the host's 404");
    }

    @Test
    void answersForWhenNotDefinedThenNeverWxBind() {
        assertFalse(JsonExceptionMapper.answersFor(ApiTokenResource.class, false, false));
        assertFalse(JsonExceptionMapper.answersFor(null, false, false));
    }

    @Test
    void ownClassesWhenSamePackageNameFromAnotherJarThenNotOwn() {
        assertTrue(OwnClasses.isOwn(ApiTokenResource.class));
        assertFalse(OwnClasses.isOwn(JsonExceptionMapperTest.class),
                "a host's class under an io.wxbind name (here: the test classes directory) is the host's");
        assertFalse(JsonExceptionMapper.answersFor(JsonExceptionMapperTest.class, true, false));
        assertFalse(OwnClasses.isOwn(null));
    }

    @Test
    void rootOfWhenClassesDirectoryOrJarThenTheSameRootForEveryClassInIt() {
        assertEquals(OwnClasses.rootOf(OwnClasses.class), OwnClasses.rootOf(ApiTokenResource.class));
        assertFalse(OwnClasses.rootOf(OwnClasses.class).endsWith(".class"));
    }
}
