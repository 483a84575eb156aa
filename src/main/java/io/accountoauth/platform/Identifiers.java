package io.accountoauth.platform;

/**
 * What a key looked up in the database may be: 1 to 64 characters, none of them a control character. Anything
 * else cannot name a stored row, and some databases refuse it outright (PostgreSQL rejects NUL in text).
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    public static boolean plausible(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        return id.chars().noneMatch(Character::isISOControl);
    }
}
