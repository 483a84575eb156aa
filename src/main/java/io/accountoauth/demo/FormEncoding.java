package io.accountoauth.demo;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** application/x-www-form-urlencoded, for query strings and form bodies. */
final class FormEncoding {

    private FormEncoding() {
    }

    static String encode(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    /** The parameters decoded, in order; of a repeated name the first value. */
    static Map<String, String> decode(String encoded) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = decodeText(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeText(pair.substring(equals + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** The parameters decoded, as the page shows them: secrets masked. */
    static List<Field> shown(String encoded) {
        List<Field> fields = new ArrayList<>();
        decode(encoded).forEach((name, value) -> fields.add(new Field(name, Masking.parameter(name, value))));
        return fields;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Decodes one name or value; a malformed one is kept as it came. */
    static String decodeText(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
