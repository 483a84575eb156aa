package io.accountoauth.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs several strings into one value for a {@link SharedMap}, and back: each field as its length, a colon and
 * its characters, {@code -} for null. Any characters may appear in a field.
 */
public final class Fields {

    private static final char NULL = '-';

    private Fields() {
    }

    public static String pack(String... fields) {
        StringBuilder packed = new StringBuilder(16 * fields.length);
        for (String field : fields) {
            if (field == null) {
                packed.append(NULL);
            } else {
                packed.append(field.length()).append(':').append(field);
            }
        }
        return packed.toString();
    }

    /** @throws IllegalArgumentException when {@code packed} was not made by {@link #pack} */
    public static String[] unpack(String packed) {
        List<String> fields = new ArrayList<>();
        int at = 0;
        while (at < packed.length()) {
            if (packed.charAt(at) == NULL) {
                fields.add(null);
                at++;
                continue;
            }
            int colon = packed.indexOf(':', at);
            if (colon <= at) {
                throw new IllegalArgumentException("Not a packed value at " + at);
            }
            int length = Integer.parseInt(packed, at, colon, 10);
            int end = colon + 1 + length;
            if (length < 0 || end > packed.length()) {
                throw new IllegalArgumentException("Not a packed value at " + at);
            }
            fields.add(packed.substring(colon + 1, end));
            at = end;
        }
        return fields.toArray(String[]::new);
    }
}
