/**
 * Message-link binding (seed article 1, protocol §6): a menu click or keyword in the chat gets
 * a reply with a bind link. The link carries an opaque, single-use, 5-minute ticket (never the
 * openid); opening it re-runs silent {@code snsapi_base}, and the openid WeChat returns must be
 * the ticket's, so a forwarded or edited link cannot bind someone else's WeChat.
 */
package io.wxbind.link;
