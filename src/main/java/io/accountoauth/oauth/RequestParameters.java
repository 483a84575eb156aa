package io.accountoauth.oauth;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OAuth parameters, each of which may be sent at most once (RFC 6749 §3.1, §3.2), and none longer than
 * {@link #MAX_LENGTH} characters ({@code redirect_uri}: {@link #MAX_REDIRECT_URI_LENGTH}; {@code client_secret} is
 * left to client authentication, which refuses one longer than that). An empty value counts as absent.
 */
public final class RequestParameters {

    /** The longest value of any parameter: a generous {@code state}; the server's own values are far shorter. */
    public static final int MAX_LENGTH = 1024;
    /** The longest client assertion (RFC 7523). */
    public static final int MAX_ASSERTION_LENGTH = 8192;
    /** The longest redirect URI, as registration allows. */
    public static final int MAX_REDIRECT_URI_LENGTH = 2048;

    private final MultivaluedMap<String, String> values;

    /** @param values the parameters; null, as JAX-RS passes the form of a request without a body, is none */
    public RequestParameters(MultivaluedMap<String, String> values) {
        this.values = values == null ? new MultivaluedHashMap<>() : values;
    }

    /**
     * Parameters of which none may be repeated, known or not: RFC 6749 §3.2 forbids repetition at the
     * token endpoint outright.
     *
     * @throws OAuthException {@code invalid_request} naming the first repeated parameter
     */
    public static RequestParameters singleValued(MultivaluedMap<String, String> values) {
        RequestParameters parameters = new RequestParameters(values);
        for (Map.Entry<String, List<String>> entry : parameters.values.entrySet()) {
            if (entry.getValue() != null && entry.getValue().size() > 1) {
                throw OAuthException.invalidRequest("The " + entry.getKey() + " parameter is repeated; send it once.");
            }
        }
        return parameters;
    }

    /** The parameter's value, or null when it is absent or empty. */
    public String optional(String name) {
        List<String> all = values.get(name);
        if (all == null || all.isEmpty()) {
            return null;
        }
        if (all.size() > 1) {
            throw OAuthException.invalidRequest("The " + name + " parameter is repeated; send it once.");
        }
        String value = all.get(0);
        if (value != null && value.length() > maxLength(name)) {
            throw OAuthException.invalidRequest("The " + name + " parameter is longer than " + maxLength(name)
                    + " characters.");
        }
        return value == null || value.isEmpty() ? null : value;
    }

    private static int maxLength(String name) {
        return switch (name) {
            case "redirect_uri" -> MAX_REDIRECT_URI_LENGTH;
            // A secret of any length is a credential to check: an overlong one is a wrong one (invalid_client)
            case "client_secret" -> Integer.MAX_VALUE;
            // A signed JWT: a 4096-bit RSA signature alone is 683 characters
            case "client_assertion" -> MAX_ASSERTION_LENGTH;
            default -> MAX_LENGTH;
        };
    }

    /** The parameter's value; {@code invalid_request} when it is absent. */
    public String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw OAuthException.invalidRequest("The " + name + " parameter is missing.");
        }
        return value;
    }

    /** The first parameter that is sent more than once, or null. */
    public String firstRepeated(String... names) {
        for (String name : names) {
            List<String> all = values.get(name);
            if (all != null && all.size() > 1) {
                return name;
            }
        }
        return null;
    }
}
