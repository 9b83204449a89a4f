package io.wxbind.miniprogram;

import io.wxbind.util.SecureTokens;

/**
 * Who may use a bind ticket issued to an API client: whoever holds it (a mini program keeps it in
 * memory; there is no browser cookie to tie it to). The holder value differs from every browser
 * hash, so a web ticket never works on the JSON endpoints and an API ticket never on the web form.
 */
public final class ApiTicketHolder {

    public static final String HASH = SecureTokens.sha256Hex("wxbind:api-client-bind-ticket");

    private ApiTicketHolder() {
    }
}
