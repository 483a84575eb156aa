package io.accountoauth.platform;

/** A configuration property whose value the application cannot run with: which one, its value, and what is allowed. */
public class InvalidSetting extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final int SHOWN_LENGTH = 200;

    private final String property;
    private final String value;
    private final String allowed;

    public InvalidSetting(String property, String value, String allowed) {
        super(property + "=" + shown(value) + ": " + allowed, null, false, false);
        this.property = property;
        this.value = value;
        this.allowed = allowed;
    }

    public String property() {
        return property;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }

    /**
     * The value as it can go on one log line: controls, format characters and line separators written as
     * {@code \\uXXXX}, and a long value cut short.
     */
    static String shown(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(SHOWN_LENGTH).forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > SHOWN_LENGTH ? shown + "..." : shown.toString();
    }
}
