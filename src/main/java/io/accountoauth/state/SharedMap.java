package io.accountoauth.state;

/**
 * A map shared by every node of the server. Each operation is atomic on its one entry, and none runs caller
 * code inside it. An entry is freed by the store once its time to live has passed since it was last written;
 * callers still decide validity against their own clock.
 */
public interface SharedMap {

    /** The value, or null. */
    String get(String key);

    void put(String key, String value);

    /** Stores the value unless the key has one: true for exactly one of any number of concurrent callers. */
    boolean putIfAbsent(String key, String value);

    /** Replaces {@code expected} by {@code value}: false when the key holds anything else, or nothing. */
    boolean replace(String key, String expected, String value);

    void remove(String key);

    /** How many entries are held, on this node's view of the store. */
    int size();
}
