package io.wxbind.simulator.people;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A simulated WeChat user. {@code avatarUrl} is null when the simulator should draw one;
 * {@code snapshot} makes the person a snapshot-mode virtual account (protocol §1.2);
 * {@code runtime} marks people created through the control API or the chooser page.
 */
public record SimPerson(String id, String nickname, String avatarUrl, boolean snapshot, boolean runtime) {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    public static final int MAX_NICKNAME = 64;

    public static SimPerson configured(String id, String nickname, String avatarUrl, boolean snapshot) {
        return new SimPerson(id, nickname, avatarUrl, snapshot, false);
    }

    public static SimPerson created(String id, String nickname, String avatarUrl, boolean snapshot) {
        return new SimPerson(id, nickname, avatarUrl, snapshot, true);
    }

    /** Every reason this person is unacceptable; empty when it is fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("id must be 1-64 characters from [A-Za-z0-9_-]");
        }
        if (nickname == null || nickname.isBlank() || nickname.length() > MAX_NICKNAME) {
            problems.add("nickname must be 1-" + MAX_NICKNAME + " characters, not blank");
        } else if (nickname.chars().anyMatch(Character::isISOControl)) {
            problems.add("nickname must not contain control characters");
        }
        if (avatarUrl != null && !isHttpUrl(avatarUrl)) {
            problems.add("avatarUrl must be an absolute http(s) URL");
        }
        return problems;
    }

    /**
     * The {@code headimgurl} WeChat would send: the configured avatar, else the simulator's own
     * drawing; the last path segment is the size as on WeChat's CDN (132 px).
     */
    public String headImgUrl(String simBaseUri) {
        String base = simBaseUri.endsWith("/") ? simBaseUri : simBaseUri + "/";
        return avatarUrl != null ? avatarUrl : base + "avatar/" + id + "/132";
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (Exception e) {
            return false;
        }
    }
}
