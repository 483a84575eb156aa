package io.accountoauth.state;

import java.time.Duration;

/** Where the server keeps its short-lived shared state: the data grid, or this JVM alone. */
public interface SharedState {

    /**
     * The map of this name, created on first use.
     *
     * @param timeToLive how long an entry is kept after it was last written
     */
    SharedMap map(String name, Duration timeToLive);

    /** Removes every entry of the map of this name, for every node; nothing happens where there is no such map. */
    void clear(String name);

    /** {@code grid} or {@code local}. */
    String kind();

    /** The nodes that share this state, this one included. */
    int members();

    /** Frees the expired entries, where the store does not do so by itself. */
    void expire();
}
