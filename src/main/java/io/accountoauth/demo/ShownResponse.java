package io.accountoauth.demo;

import java.io.Serializable;
import java.util.List;

/** A response as the demo page shows it: status, the headers that matter, the body, secrets masked. */
public final class ShownResponse implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final List<Field> headers;
    private final String body;

    ShownResponse(int status, String reason, List<Field> headers, String body) {
        this.status = status;
        this.reason = reason;
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public int getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public boolean isSuccess() {
        return status / 100 == 2 || status / 100 == 3;
    }

    public List<Field> getHeaders() {
        return headers;
    }

    public String getBody() {
        return body;
    }
}
