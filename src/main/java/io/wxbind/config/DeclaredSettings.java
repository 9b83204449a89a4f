package io.wxbind.config;

import java.util.Map;

/**
 * Settings a host declared in code (the values of its
 * {@code io.wxbind.auth.WeChatAuthenticationMechanismDefinition}), keyed by their MicroProfile
 * Config names. They sit between MicroProfile Config, which overrides each of them, and the
 * built-in defaults. The auth package's CDI extension provides the bean; config never reads the
 * annotation itself, so that config depends on no other package.
 */
public interface DeclaredSettings {

    /** Config key → value; lists are comma-separated. */
    Map<String, String> values();
}
