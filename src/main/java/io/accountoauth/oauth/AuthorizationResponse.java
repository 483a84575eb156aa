package io.accountoauth.oauth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the URI that sends the browser back to the client: the redirect URI with the response parameters
 * added to its query, form-encoded (RFC 6749 §4.1.2, Appendix B).
 */
public final class AuthorizationResponse {

    private final String redirectUri;
    private final Map<String, String> parameters = new LinkedHashMap<>();

    private AuthorizationResponse(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    public static AuthorizationResponse to(String redirectUri) {
        return new AuthorizationResponse(redirectUri);
    }

    /** Adds a parameter; a null value is left out. */
    public AuthorizationResponse with(String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
        return this;
    }

    public AuthorizationResponse code(String code) {
        return with("code", code);
    }

    public AuthorizationResponse error(String error, String description) {
        return with("error", error).with("error_description", description);
    }

    public String uri() {
        StringBuilder uri = new StringBuilder(redirectUri);
        char separator = redirectUri.indexOf('?') >= 0 ? '&' : '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            uri.append(separator)
                    .append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return uri.toString();
    }
}
