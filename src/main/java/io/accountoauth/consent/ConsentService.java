package io.accountoauth.consent;

import io.accountoauth.platform.RandomValues;
import io.accountoauth.platform.Settings;
import io.accountoauth.token.Scopes;
import io.accountoauth.token.TokenRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consent lifecycle: created when a customer is asked, authorised or rejected by them, revoked by them or
 * by the app, expired by the calendar. Revoking a consent ends every token issued under it at once. Every
 * read first records an expiry that has come due, so no caller ever sees an expired consent as authorised.
 */
@ApplicationScoped
public class ConsentService {

    /** Uses are recorded at most once a minute per consent, to spare the database a write per API call. */
    static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);
    /** How many consents {@link #remembered} reads at a time. */
    static final int REMEMBERED_PAGE = 8;

    @Inject
    ConsentRepository consents;

    @Inject
    TokenRegistry registry;


    @Inject
    Clock clock;

    private Duration lifetime;

    @Inject
    void configure(Settings settings) {
        lifetime = settings.consentLifetime();
    }

    private final Map<String, Instant> lastRecordedUse = new ConcurrentHashMap<>();

    /** How long an authorised consent lasts. */
    public Duration lifetime() {
        return lifetime;
    }

    /** Asks the customer: a new consent awaiting authorisation of the requested scope. */
    @Transactional
    public Consent request(String customer, String clientId, String requestedScope) {
        Consent consent = new Consent(RandomValues.next(), customer, clientId, requestedScope, clock.instant());
        consents.add(consent);
        return consent;
    }

    /** The customer's newest authorised, unexpired consent for this client that covers the scope. */
    @Transactional
    public Optional<Consent> remembered(String customer, String clientId, String scope) {
        Instant now = clock.instant();
        Consent last = null;
        while (true) {
            List<Consent> page = consents.authorised(customer, clientId, last, REMEMBERED_PAGE);
            Optional<Consent> found = page.stream()
                    .filter(c -> !c.expireIfDue(now))
                    .filter(c -> Scopes.within(scope, c.scope()))
                    .findFirst();
            if (found.isPresent() || page.size() < REMEMBERED_PAGE) {
                return found;
            }
            last = page.get(page.size() - 1);
        }
    }

    /** The customer allows what they ticked. */
    @Transactional
    public Consent authorise(String consentId, String customer, String grantedScope) {
        Consent consent = owned(consentId, customer).orElseThrow();
        consent.authorise(grantedScope, clock.instant(), lifetime);
        return consent;
    }

    /** The customer declines. */
    @Transactional
    public void reject(String consentId, String customer) {
        owned(consentId, customer).orElseThrow().reject(clock.instant());
    }

    /** One of the customer's own consents; empty for anyone else's. */
    @Transactional
    public Optional<Consent> ofCustomer(String consentId, String customer) {
        return owned(consentId, customer);
    }

    /** All of the customer's consents, newest first. */
    @Transactional
    public List<Consent> ofCustomer(String customer) {
        Instant now = clock.instant();
        List<Consent> all = consents.ofCustomer(customer);
        all.forEach(c -> c.expireIfDue(now));
        return all;
    }

    /** One of the client's own consents; empty for another client's. */
    @Transactional
    public Optional<Consent> ofClient(String consentId, String clientId) {
        return current(consentId).filter(c -> c.clientId().equals(clientId));
    }

    /** The customer takes a consent back; its tokens stop working at once. */
    @Transactional
    public Optional<Consent> revokeByCustomer(String consentId, String customer) {
        return owned(consentId, customer).map(c -> revoke(c, Consent.actorCustomer(customer)));
    }

    /** The app gives a consent up; its tokens stop working at once. */
    @Transactional
    public Optional<Consent> revokeByClient(String consentId, String clientId) {
        return ofClient(consentId, clientId).map(c -> revoke(c, Consent.actorClient(clientId)));
    }

    /**
     * Notes that an app used the consent. Called on every API call, so it decides in memory and only the
     * write, at most once a minute per consent, takes a transaction; consents unused for a minute are forgotten.
     */
    public void recordUse(String consentId) {
        Instant now = clock.instant();
        Instant last = lastRecordedUse.get(consentId);
        if (last != null && now.isBefore(last.plus(USE_RECORDING_INTERVAL))) {
            return;
        }
        lastRecordedUse.values().removeIf(then -> !now.isBefore(then.plus(USE_RECORDING_INTERVAL)));
        lastRecordedUse.put(consentId, now);
        consents.touch(consentId, now);
    }

    private Consent revoke(Consent consent, String actor) {
        if (consent.status() == ConsentStatus.AUTHORISED) {
            consent.revoke(clock.instant(), actor);
        }
        registry.revokeConsent(consent.id());
        lastRecordedUse.remove(consent.id());
        return consent;
    }

    private Optional<Consent> owned(String consentId, String customer) {
        return current(consentId).filter(c -> c.customer().equals(customer));
    }

    private Optional<Consent> current(String consentId) {
        Instant now = clock.instant();
        Optional<Consent> consent = consents.find(consentId);
        consent.ifPresent(c -> c.expireIfDue(now));
        return consent;
    }
}
