package io.accountoauth.oauth;

import io.accountoauth.consent.Consent;
import io.accountoauth.consent.ConsentEvent;
import io.accountoauth.token.Scopes;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A consent as its app sees it: status, permissions, dates and history; dates not reached are left out. */
@Schema(name = "Consent", description = "A consent, as its app sees it.",
        requiredProperties = {"consent_id", "status", "client_id", "scope", "permissions", "created_at", "history"})
@JsonbPropertyOrder({"consentId", "status", "clientId", "scope", "permissions", "createdAt", "authorisedAt",
        "expiresAt", "revokedAt", "revokedBy", "lastUsedAt", "history"})
public record ConsentStatus(
        @Schema(name = "consent_id")
        @JsonbProperty("consent_id") String consentId,
        @Schema(name = "status", enumeration = {"AWAITING_AUTHORISATION", "AUTHORISED", "REJECTED", "REVOKED",
                "EXPIRED"})
        @JsonbProperty("status") String status,
        @Schema(name = "client_id")
        @JsonbProperty("client_id") String clientId,
        @Schema(name = "scope", example = "read")
        @JsonbProperty("scope") String scope,
        @Schema(name = "permissions", description = "What the scope lets the app read: info, balance.",
                type = SchemaType.ARRAY, implementation = String.class)
        @JsonbProperty("permissions") List<String> permissions,
        @Schema(name = "created_at", type = SchemaType.STRING, format = "date-time")
        @JsonbProperty("created_at") String createdAt,
        @Schema(name = "authorised_at", type = SchemaType.STRING, format = "date-time")
        @JsonbProperty("authorised_at") String authorisedAt,
        @Schema(name = "expires_at", type = SchemaType.STRING, format = "date-time")
        @JsonbProperty("expires_at") String expiresAt,
        @Schema(name = "revoked_at", type = SchemaType.STRING, format = "date-time")
        @JsonbProperty("revoked_at") String revokedAt,
        @Schema(name = "revoked_by", enumeration = {"client", "customer"})
        @JsonbProperty("revoked_by") String revokedBy,
        @Schema(name = "last_used_at", type = SchemaType.STRING, format = "date-time", description = "When a token "
                + "of this consent last read the account (recorded at most once a minute).")
        @JsonbProperty("last_used_at") String lastUsedAt,
        @Schema(name = "history", description = "Each status the consent took, oldest first.",
                type = SchemaType.ARRAY, implementation = ConsentStatus.Change.class)
        @JsonbProperty("history") List<Change> history) {

    /** One status the consent took, and when. */
    @Schema(name = "ConsentChange")
    @JsonbPropertyOrder({"status", "at"})
    public record Change(
            @Schema(name = "status")
            @JsonbProperty("status") String status,
            @Schema(name = "at", type = SchemaType.STRING, format = "date-time")
            @JsonbProperty("at") String at) {
    }

    static ConsentStatus of(Consent consent) {
        String revokedBy = consent.revokedBy() == null ? null
                : consent.revokedBy().startsWith("client:") ? "client" : "customer";
        return new ConsentStatus(consent.id(), consent.status().name(), consent.clientId(), consent.scope(),
                Scopes.permissions(consent.scope()), time(consent.createdAt()), time(consent.authorisedAt()),
                time(consent.expiresAt()), time(consent.revokedAt()), revokedBy, time(consent.lastUsedAt()),
                consent.history().stream().map(ConsentStatus::change).toList());
    }

    private static Change change(ConsentEvent event) {
        return new Change(event.to().name(), event.at().toString());
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
