package io.accountoauth.oauth;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;

/**
 * Reads OAuth parameters, each of which may be sent at most once (RFC 6749 §3.1, §3.2).
 * An empty value counts as absent.
 */
public final class RequestParameters {

    private final MultivaluedMap<String, String> values;

    public RequestParameters(MultivaluedMap<String, String> values) {
        this.values = values;
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
        return value == null || value.isEmpty() ? null : value;
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
