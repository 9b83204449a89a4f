package io.wxbind.qr;

import java.net.URI;
import java.time.Duration;

/**
 * The words of the confirmation: the passive reply to a scan (a link, never an account name:
 * reply texts are stored and may be shown to whoever holds the phone) and the question on the
 * phone's confirm page, where a masked account name tells the owner what is asked.
 */
final class ConfirmTexts {

    private ConfirmTexts() {
    }

    static String loginReply(String link, Duration ttl) {
        return "Someone wants to log in on a computer with your WeChat. Open this link within " + minutes(ttl)
                + " to see where and to confirm (it works for you only): " + link
                + "\nIf this was not you, ignore this message: nothing happens without your confirmation.";
    }

    static String bindReply(String link, Duration ttl, String site) {
        return "You scanned a code that binds your WeChat to an account on " + site + ". Open this link within " + minutes(ttl)
                + " to see which account and to confirm (it works for you only): " + link
                + "\nIf you did not expect this, ignore this message: nothing is bound without your confirmation.";
    }

    /** "al***e": enough for the owner to recognise their account, little for anyone else. */
    static String maskAccount(String name) {
        if (name == null || name.isEmpty()) {
            return "***";
        }
        int cps = name.codePointCount(0, name.length());
        int head = cps >= 5 ? 2 : 1;
        String start = name.substring(0, name.offsetByCodePoints(0, head));
        String end = cps >= 4 ? name.substring(name.offsetByCodePoints(0, cps - 1)) : "";
        return start + "***" + end;
    }

    /** "just now", "2 min ago", "3 h ago". */
    static String ago(Duration elapsed) {
        long seconds = Math.max(0, elapsed.toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        return seconds < 3600 ? seconds / 60 + " min ago" : seconds / 3600 + " h ago";
    }

    /** The host of the public base URL, as the person knows the site. */
    static String site(URI publicBaseUrl) {
        return publicBaseUrl == null || publicBaseUrl.getHost() == null ? "this site" : publicBaseUrl.getHost();
    }

    private static String minutes(Duration ttl) {
        long m = Math.max(1, ttl.toMinutes());
        return m == 1 ? "1 minute" : m + " minutes";
    }
}
