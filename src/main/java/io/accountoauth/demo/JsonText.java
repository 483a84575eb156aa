package io.accountoauth.demo;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** JSON bodies for display: indented, with the secret members' values masked. */
final class JsonText {

    private static final String INDENT = "  ";

    private JsonText() {
    }

    /** The body as a JSON object, when it is one. */
    static Optional<JsonObject> object(String body) {
        return structure(body).filter(JsonObject.class::isInstance).map(JsonObject.class::cast);
    }

    /** The body indented and masked when it is JSON; otherwise as it came. */
    static String masked(String body) {
        return structure(body).map(json -> {
            StringBuilder out = new StringBuilder();
            write(json, null, 0, out);
            return out.toString();
        }).orElse(body);
    }

    private static Optional<JsonStructure> structure(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return Optional.of(reader.read());
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static void write(JsonValue value, String name, int depth, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                if (object.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                Iterator<Map.Entry<String, JsonValue>> members = object.entrySet().iterator();
                while (members.hasNext()) {
                    Map.Entry<String, JsonValue> member = members.next();
                    out.append(INDENT.repeat(depth + 1)).append(quoted(member.getKey())).append(": ");
                    write(member.getValue(), member.getKey(), depth + 1, out);
                    out.append(members.hasNext() ? ",\n" : "\n");
                }
                out.append(INDENT.repeat(depth)).append('}');
            }
            case ARRAY -> {
                JsonArray array = value.asJsonArray();
                if (array.isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append("[\n");
                for (int i = 0; i < array.size(); i++) {
                    out.append(INDENT.repeat(depth + 1));
                    write(array.get(i), name, depth + 1, out);
                    out.append(i + 1 < array.size() ? ",\n" : "\n");
                }
                out.append(INDENT.repeat(depth)).append(']');
            }
            case STRING -> {
                String text = ((JsonString) value).getString();
                out.append(quoted(Masking.isSecret(name) ? Masking.mask(text) : text));
            }
            default -> out.append(value);
        }
    }

    private static String quoted(String text) {
        return Json.createValue(text).toString();
    }
}
