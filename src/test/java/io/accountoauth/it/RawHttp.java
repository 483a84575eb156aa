package io.accountoauth.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request goes out byte for byte as the test
 * wrote it (odd methods, raw bytes in the target, repeated or oversized headers), and the response comes back
 * as the server wrote it, so that a header line broken by an echoed CR or LF shows as it is.
 */
final class RawHttp {

    static final int TIMEOUT_MILLIS = 20_000;

    private final String host;
    private final int port;
    /** The local address each connection comes from, or null for the system's choice. */
    private final InetAddress source;

    RawHttp(URI base) {
        this(base, null);
    }

    /**
     * Connections from this local address: on Linux every 127.0.0.x is the loopback interface, so a test can
     * speak to the server from as many client addresses as it needs.
     */
    RawHttp(URI base, InetAddress source) {
        this.host = base.getHost();
        this.port = base.getPort();
        this.source = source;
    }

    /** A loopback address, {@code 127.0.0.<last>}. */
    static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The Host header value for this server. */
    String authority() {
        return host + ":" + port;
    }

    /** A request to build: method, target and headers as given; Host, Connection and Content-Length added. */
    static final class Request {
        final String method;
        final byte[] target;
        final List<Map.Entry<String, byte[]>> headers = new ArrayList<>();
        byte[] body;
        boolean hostHeader = true;

        Request(String method, String target) {
            this(method, target.getBytes(StandardCharsets.ISO_8859_1));
        }

        Request(String method, byte[] target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            return header(name, value.getBytes(StandardCharsets.ISO_8859_1));
        }

        Request header(String name, byte[] value) {
            headers.add(Map.entry(name, value));
            return this;
        }

        Request body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        Request body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        Request withoutHost() {
            hostHeader = false;
            return this;
        }

        /** The request for messages: method, target, headers and body, each cut short. */
        String describe() {
            StringBuilder text = new StringBuilder(cut(method + " " + new String(target, StandardCharsets.ISO_8859_1), 300));
            if (!hostHeader) {
                text.append(" [no Host]");
            }
            for (Map.Entry<String, byte[]> header : headers) {
                text.append("\n  ").append(header.getKey()).append(": ")
                        .append(cut(new String(header.getValue(), StandardCharsets.ISO_8859_1), 100));
            }
            if (body != null) {
                text.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(cut(new String(body, StandardCharsets.ISO_8859_1), 200));
            }
            return text.toString();
        }

        private static String cut(String text, int length) {
            String visible = text.replace("\r", "\\r").replace("\n", "\\n");
            return visible.length() > length ? visible.substring(0, length) + "..." : visible;
        }
    }

    /** A response as it came: the status, each header line as sent, and the body (de-chunked). */
    record Response(String statusLine, int status, List<String> headerLines, byte[] body) {

        /** The values of a header, by case-insensitive name. */
        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    values.add(line.substring(colon + 1).trim());
                }
            }
            return values;
        }

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? null : values.get(0);
        }

        /** Header names, lower case, with their values. */
        Map<String, List<String>> headerMap() {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (String line : headerLines) {
                int colon = line.indexOf(':');
                String name = (colon > 0 ? line.substring(0, colon) : line).trim().toLowerCase(Locale.ROOT);
                map.computeIfAbsent(name, n -> new ArrayList<>()).add(colon > 0 ? line.substring(colon + 1).trim() : "");
            }
            return map;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return statusLine + "\n" + String.join("\n", headerLines) + "\n\n"
                    + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        }
    }

    Response send(Request request) {
        return exchange(bytes(request));
    }

    /** The request as it goes on the wire. */
    byte[] bytes(Request request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, request.method + " ");
        out.writeBytes(request.target);
        write(out, " HTTP/1.1\r\n");
        if (request.hostHeader) {
            write(out, "Host: " + authority() + "\r\n");
        }
        write(out, "Connection: close\r\n");
        for (Map.Entry<String, byte[]> header : request.headers) {
            write(out, header.getKey() + ": ");
            out.writeBytes(header.getValue());
            write(out, "\r\n");
        }
        if (request.body != null) {
            write(out, "Content-Length: " + request.body.length + "\r\n");
        }
        write(out, "\r\n");
        if (request.body != null) {
            out.writeBytes(request.body);
        }
        return out.toByteArray();
    }

    private Response exchange(byte[] request) {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read an oversized request: read what it said.
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to a request of " + request.length + " bytes", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                data.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // A reset after the answer: keep what came
            if (data.size() == 0) {
                throw e;
            }
        }
        return data.toByteArray();
    }

    static Response parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IllegalStateException("not an HTTP response: "
                    + new String(raw, 0, Math.min(raw.length, 300), StandardCharsets.ISO_8859_1));
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        // Lines end with CRLF; a bare CR or LF left inside a line is one the server let through.
        String[] lines = head.split("\r\n", -1);
        String statusLine = lines[0];
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        Response response = new Response(statusLine, status, headerLines, body);
        String encoding = response.header("Transfer-Encoding");
        if (encoding != null && encoding.equalsIgnoreCase("chunked")) {
            response = new Response(statusLine, status, headerLines, dechunk(body));
        }
        return response;
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            at = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
