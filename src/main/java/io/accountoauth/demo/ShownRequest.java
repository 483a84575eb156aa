package io.accountoauth.demo;

import java.io.Serializable;
import java.util.List;

/** A request as the demo page shows it, every secret already masked. */
public final class ShownRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String url;
    private final List<Field> parameters;
    private final List<Field> headers;
    private final String body;

    ShownRequest(String method, String url, List<Field> parameters, List<Field> headers, String body) {
        this.method = method;
        this.url = url;
        this.parameters = List.copyOf(parameters);
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public String getMethod() {
        return method;
    }

    public String getUrl() {
        return url;
    }

    /** The query or form parameters, decoded. */
    public List<Field> getParameters() {
        return parameters;
    }

    public List<Field> getHeaders() {
        return headers;
    }

    public String getBody() {
        return body;
    }
}
