package io.wxbind.auth.token;

/**
 * A token just issued: the only moment the token itself exists outside the client. Its
 * {@link #toString()} hides it, so it cannot end up in a log by accident.
 *
 * @param expiresIn seconds until it expires, for {@code expires_in}
 */
public record IssuedApiToken(String accessToken, long expiresIn, ApiTokenGrant grant) {

    @Override
    public String toString() {
        return "IssuedApiToken[accessToken=***, expiresIn=" + expiresIn + ", grant=" + grant + "]";
    }
}
