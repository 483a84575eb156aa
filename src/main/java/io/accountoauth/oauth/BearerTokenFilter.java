package io.accountoauth.oauth;

import io.accountoauth.consent.ConsentService;
import io.accountoauth.platform.Issuer;
import io.accountoauth.platform.Jose;
import io.accountoauth.token.AccessToken;
import io.accountoauth.token.Scopes;
import io.accountoauth.token.TokenRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Optional;

/**
 * Guards every API method marked {@link RequiresScope}: the request must carry one valid bearer token whose
 * scope covers the method. Refusals carry the RFC 6750 §3 {@code WWW-Authenticate} challenge.
 *
 * <p>A token under the DPoP scheme (RFC 9449 §7) is answered under it, and every answer to such a request carries
 * the server's current nonce (§9): the API does not require one, but a proof that carries one must carry a current
 * one.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerTokenFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String REALM = "account";
    /** Set on a request that came under the DPoP scheme: its answer carries a nonce. */
    private static final String UNDER_DPOP = BearerTokenFilter.class.getName() + ".dpop";

    /** Why a token's use is refused: the challenge's error and its description. */
    private record Refusal(String error, String description) {
    }

    @Inject
    TokenRegistry registry;

    @Inject
    ConsentService consents;

    @Context
    ResourceInfo resourceInfo;

    @Inject
    DPoPProofs dpop;

    @Inject
    DPoPNonces nonces;

    @Inject
    Issuer issuer;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        RequiresScope required = resourceInfo.getResourceMethod() == null ? null
                : resourceInfo.getResourceMethod().getAnnotation(RequiresScope.class);
        if (required == null) {
            return;
        }
        BearerCredentials.Outcome credentials =
                BearerCredentials.read(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        if (credentials instanceof BearerCredentials.Absent) {
            request.abortWith(challenge(Status.UNAUTHORIZED, null,
                    "This API needs an access token: send Authorization: Bearer <token>.", null));
            return;
        }
        if (credentials instanceof BearerCredentials.Ambiguous) {
            request.abortWith(challenge(Status.BAD_REQUEST, "invalid_request",
                    "Send one Authorization header.", null));
            return;
        }
        if (credentials instanceof BearerCredentials.Malformed) {
            request.abortWith(challenge(Status.UNAUTHORIZED, "invalid_token",
                    "The access token is malformed.", null));
            return;
        }
        BearerCredentials.Token presented = (BearerCredentials.Token) credentials;
        if (presented.dpop()) {
            request.setProperty(UNDER_DPOP, Boolean.TRUE);
        }
        String value = presented.value();
        Optional<AccessToken> token = registry.findAccessToken(value);
        if (token.isEmpty()) {
            // RFC 9449 §7.1: a token that came under the DPoP scheme is answered under it
            String description = "The access token is unknown, expired or revoked.";
            request.abortWith(presented.dpop() ? dpopChallenge("invalid_token", description)
                    : challenge(Status.UNAUTHORIZED, "invalid_token", description, null));
            return;
        }
        Optional<Refusal> refused = proofRefused(request, presented, token.get());
        if (refused.isPresent()) {
            request.abortWith(dpopChallenge(refused.get().error(), refused.get().description()));
            return;
        }
        if (!Scopes.covers(token.get().scope(), required.value())) {
            request.abortWith(challenge(Status.FORBIDDEN, "insufficient_scope",
                    "The access token's scope does not cover this call.", required.value()));
            return;
        }
        consents.recordUse(token.get().grant().consentId());
        request.setSecurityContext(new TokenSecurityContext(token.get(), request.getSecurityContext().isSecure()));
    }

    /**
     * Why a token's use is refused under DPoP (RFC 9449 §7), or empty when it stands: a DPoP-bound token must come
     * under the DPoP scheme with a proof of its key for this request, and a bearer token under Bearer. A proof's
     * nonce, when it has one, must be current (§9).
     */
    private Optional<Refusal> proofRefused(ContainerRequestContext request, BearerCredentials.Token presented,
            AccessToken token) {
        if (!token.isDPoPBound()) {
            return presented.dpop() ? Optional.of(new Refusal("invalid_token",
                    "This access token is not DPoP-bound: send it as Authorization: Bearer.")) : Optional.empty();
        }
        if (!presented.dpop()) {
            return Optional.of(new Refusal("invalid_token",
                    "This access token is DPoP-bound: send Authorization: DPoP <token> with a DPoP proof."));
        }
        try {
            Optional<String> proof = DPoPProofs.proof(request.getHeaders().get(DPoPProofs.HEADER));
            if (proof.isEmpty()) {
                return Optional.of(new Refusal("invalid_dpop_proof",
                        "A DPoP proof of the token's key must come with it, in the DPoP header."));
            }
            String path = request.getUriInfo().getRequestUri().getRawPath()
                    .substring(servletRequest.getContextPath().length());
            DPoPProofs.Proof checked = dpop.check(proof.get(), request.getMethod(), issuer.of(servletRequest) + path,
                    presented.value());
            if (!checked.jkt().equals(token.jkt())) {
                return Optional.of(new Refusal("invalid_dpop_proof",
                        "The DPoP proof is made by another key than the one the token is bound to."));
            }
            if (checked.nonce() != null && !nonces.accepts(checked.nonce())) {
                return Optional.of(new Refusal("use_dpop_nonce",
                        "The DPoP proof's nonce is not current: use the DPoP-Nonce header's."));
            }
            return Optional.empty();
        } catch (Jose.Refused e) {
            return Optional.of(new Refusal("invalid_dpop_proof", e.getMessage()));
        }
    }

    /** RFC 9449 §9: the answer to a request under the DPoP scheme gives the nonce to put in the next proof. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(UNDER_DPOP) != null) {
            response.getHeaders().putSingle(DPoPNonces.HEADER, nonces.current());
        }
    }

    /** RFC 9449 §7.1: {@code DPoP realm="account", error="...", algs="PS256 ES256 EdDSA"}. */
    static Response dpopChallenge(String error, String description) {
        String header = "DPoP realm=\"" + REALM + "\", error=\"" + error + "\", error_description=\"" + description
                + "\", algs=\"" + String.join(" ", Jose.ALGORITHMS) + "\"";
        return Response.status(Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, header)
                .header("Cache-Control", "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(error, description))
                .build();
    }

    /** A refusal with its challenge, e.g. {@code Bearer realm="account", error="invalid_token"}. */
    static Response challenge(Status status, String error, String description, String scope) {
        StringBuilder header = new StringBuilder("Bearer realm=\"").append(REALM).append('"');
        if (error != null) {
            header.append(", error=\"").append(error).append('"');
            header.append(", error_description=\"").append(description).append('"');
        }
        if (scope != null) {
            header.append(", scope=\"").append(scope).append('"');
        }
        return Response.status(status)
                .header(HttpHeaders.WWW_AUTHENTICATE, header.toString())
                .header("Cache-Control", "no-store")
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OAuthError(error, description))
                .build();
    }

    /** Who the token speaks for, as the API methods see it. */
    record TokenSecurityContext(AccessToken token, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return token::customer;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
