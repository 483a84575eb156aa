package io.accountoauth.oauth;

import io.accountoauth.consent.Consent;
import io.accountoauth.consent.ConsentService;
import io.accountoauth.token.CodeRequest;
import io.accountoauth.token.Scopes;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

/**
 * What happens to a pending authorization request once the customer has logged in: answered by a consent
 * they already gave, or put to them on the consent page and answered there. Each answer is a URI to send the
 * browser to, back at the app. The customer is the one logged in to the browser session at each step; a consent
 * asked of one customer cannot be answered by another.
 */
@ApplicationScoped
public class AuthorizationDecisions {

    @Inject
    PendingAuthorizations pending;

    @Inject
    ConsentService consents;

    @Inject
    TokenRegistry registry;

    @Inject
    Clock clock;

    /**
     * Records the login; when an authorised consent already covers the request (and the app did not ask
     * for {@code prompt=consent}), answers the request with a code under it.
     *
     * @return the redirect to the app, or empty when the customer must be asked
     */
    public Optional<String> afterLogin(String handle, String customer) {
        pending.authenticate(handle);
        AuthorizationRequest request = pending.find(handle).orElseThrow().request();
        if (request.promptConsent()) {
            return Optional.empty();
        }
        Optional<Consent> remembered = consents.remembered(customer, request.clientId(), request.scope());
        if (remembered.isEmpty() || pending.complete(handle).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(codeResponse(request, customer, request.scope(), remembered.get()));
    }

    /** The question for the consent page, creating the consent it asks for when first shown. */
    public Optional<ConsentPrompt> prompt(String handle, String customer) {
        return pending.find(handle).filter(PendingAuthorizations.Pending::authenticated)
                .filter(p -> p.consentId() == null || asked(p, customer)).map(p -> {
                    if (p.consentId() == null) {
                        Consent consent = consents.request(customer, p.request().clientId(), p.request().scope());
                        pending.attachConsent(handle, consent.id());
                    }
                    return new ConsentPrompt(p.request(), customer, Scopes.permissions(p.request().scope()),
                            clock.instant().plus(consents.lifetime()));
                });
    }

    /**
     * The customer allows what they ticked: the consent is authorised for that and the app gets a code.
     * Ticking nothing is a refusal.
     *
     * @return the redirect to the app, or empty when the request is no longer pending
     */
    public Optional<String> allow(String handle, String customer, Collection<String> ticked) {
        Optional<PendingAuthorizations.Pending> done = pending.complete(handle)
                .filter(p -> p.consentId() != null && asked(p, customer));
        if (done.isEmpty()) {
            return Optional.empty();
        }
        PendingAuthorizations.Pending p = done.get();
        Optional<String> granted = Scopes.granted(p.request().scope(), ticked);
        if (granted.isEmpty()) {
            return Optional.of(refuse(p, customer));
        }
        Consent consent = consents.authorise(p.consentId(), customer, granted.get());
        return Optional.of(codeResponse(p.request(), customer, granted.get(), consent));
    }

    /** The customer refuses: {@code access_denied} (RFC 6749 §4.1.2.1). */
    public Optional<String> deny(String handle, String customer) {
        return pending.complete(handle).filter(p -> p.consentId() == null || asked(p, customer))
                .map(p -> refuse(p, customer));
    }

    /** Whether the request's consent was asked of this customer. */
    private boolean asked(PendingAuthorizations.Pending p, String customer) {
        return customer != null && consents.ofCustomer(p.consentId(), customer).isPresent();
    }

    private String refuse(PendingAuthorizations.Pending p, String customer) {
        if (p.consentId() != null) {
            consents.reject(p.consentId(), customer);
        }
        return p.request().errorResponse("access_denied", "The customer denied the request.");
    }

    private String codeResponse(AuthorizationRequest request, String customer, String scope, Consent consent) {
        String code = registry.issueCode(new CodeRequest(request.clientId(), request.redirectUri(), customer, scope,
                request.codeChallenge(), consent.id(), consent.expiresAt(), request.dpopJkt()));
        return request.codeResponse(code);
    }
}
