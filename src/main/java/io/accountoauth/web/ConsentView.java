package io.accountoauth.web;

import java.io.Serializable;
import java.util.List;

/** A consent as the dashboard shows it: its dates already written out for people. */
public final class ConsentView implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String app;
    private final List<String> permissions;
    private final String status;
    private final boolean active;
    private final String created;
    private final String authorised;
    private final String expires;
    private final String revoked;
    private final String revokedBy;
    private final String lastUsed;
    private final List<EventView> history;

    ConsentView(String id, String app, List<String> permissions, String status, boolean active, String created,
            String authorised, String expires, String revoked, String revokedBy, String lastUsed,
            List<EventView> history) {
        this.id = id;
        this.app = app;
        this.permissions = List.copyOf(permissions);
        this.status = status;
        this.active = active;
        this.created = created;
        this.authorised = authorised;
        this.expires = expires;
        this.revoked = revoked;
        this.revokedBy = revokedBy;
        this.lastUsed = lastUsed;
        this.history = List.copyOf(history);
    }

    public String getId() {
        return id;
    }

    public String getApp() {
        return app;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public String getStatus() {
        return status;
    }

    public boolean isActive() {
        return active;
    }

    public String getCreated() {
        return created;
    }

    public String getAuthorised() {
        return authorised;
    }

    public String getExpires() {
        return expires;
    }

    public String getRevoked() {
        return revoked;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public String getLastUsed() {
        return lastUsed;
    }

    public List<EventView> getHistory() {
        return history;
    }

    /** One line of a consent's history. */
    public static final class EventView implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String status;
        private final String at;
        private final String by;

        EventView(String status, String at, String by) {
            this.status = status;
            this.at = at;
            this.by = by;
        }

        public String getStatus() {
            return status;
        }

        public String getAt() {
            return at;
        }

        public String getBy() {
            return by;
        }
    }
}
