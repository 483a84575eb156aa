package io.accountoauth.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scopes this bank knows: {@code info} (account details), {@code balance}, and the original sandbox's
 * {@code read}, which means both and is what an app gets when it asks for nothing.
 */
public final class Scopes {

    public static final String INFO = "info";
    public static final String BALANCE = "balance";
    public static final String READ = "read";
    public static final String DEFAULT = READ;

    private static final List<String> KNOWN = List.of(READ, INFO, BALANCE);

    private Scopes() {
    }

    /**
     * The requested scope with repeated names dropped, or empty when it names a scope this bank does not know.
     * A missing or blank request means {@link #DEFAULT}.
     *
     * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</a>
     */
    public static Optional<String> normalize(String requested) {
        if (requested == null || requested.isBlank()) {
            return Optional.of(DEFAULT);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : requested.split(" ", -1)) {
            if (!KNOWN.contains(name)) {
                return Optional.empty();
            }
            names.add(name);
        }
        return Optional.of(String.join(" ", names));
    }

    /** True when a token of scope {@code granted} may read what {@code required} guards. */
    public static boolean covers(String granted, String required) {
        for (String name : granted.split(" ")) {
            if (name.equals(required) || name.equals(READ)) {
                return true;
            }
        }
        return false;
    }

    /** True when every permission of {@code requested} is in {@code granted}: a refresh may narrow, never widen. */
    public static boolean within(String requested, String granted) {
        return permissions(granted).containsAll(permissions(requested));
    }

    /**
     * The scope the customer granted by ticking {@code ticked} of what {@code requested} asked for: the
     * request itself when everything was ticked, otherwise the ticked permissions; empty when nothing was.
     */
    public static Optional<String> granted(String requested, Collection<String> ticked) {
        List<String> asked = permissions(requested);
        List<String> kept = asked.stream().filter(ticked::contains).toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(kept.size() == asked.size() ? requested : String.join(" ", kept));
    }

    /** The individual permissions a scope stands for, in display order. */
    public static List<String> permissions(String scope) {
        List<String> permissions = new ArrayList<>();
        for (String name : List.of(INFO, BALANCE)) {
            if (covers(scope, name)) {
                permissions.add(name);
            }
        }
        return permissions;
    }
}
