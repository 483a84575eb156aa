package io.accountoauth.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The consent lifecycle: AWAITING_AUTHORISATION becomes AUTHORISED or REJECTED, AUTHORISED becomes REVOKED or
 * EXPIRED, and nothing else; every change is in the history with its time and actor.
 */
class ConsentLifecycleTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant AUTHORISED = CREATED.plusSeconds(30);
    private static final Duration LIFETIME = Duration.ofDays(90);
    private static final Instant EXPIRES = AUTHORISED.plus(LIFETIME);
    private static final String CUSTOMER = "dave";
    private static final String CLIENT = "7b6fc8ed5127b0b2f076d";
    private static final String DAVE = "customer:dave";

    /** The only four transitions. */
    private static final Set<List<ConsentStatus>> ALLOWED = Set.of(
            List.of(ConsentStatus.AWAITING_AUTHORISATION, ConsentStatus.AUTHORISED),
            List.of(ConsentStatus.AWAITING_AUTHORISATION, ConsentStatus.REJECTED),
            List.of(ConsentStatus.AUTHORISED, ConsentStatus.REVOKED),
            List.of(ConsentStatus.AUTHORISED, ConsentStatus.EXPIRED));

    static Stream<Arguments> everyPairOfStatuses() {
        List<Arguments> pairs = new ArrayList<>();
        for (ConsentStatus from : ConsentStatus.values()) {
            for (ConsentStatus to : ConsentStatus.values()) {
                pairs.add(Arguments.of(from, to));
            }
        }
        return pairs.stream();
    }

    // The status machine itself: for all 25 pairs, canBecome is true exactly for the four allowed transitions.
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPairOfStatuses")
    void canBecomeIsTrueExactlyForTheFourAllowedTransitions(ConsentStatus from, ConsentStatus to) {
        assertEquals(ALLOWED.contains(List.of(from, to)), from.canBecome(to), from + " -> " + to);
        assertEquals(from.canBecome(to), from.next().contains(to), "canBecome agrees with next()");
    }

    @Test
    void whenAllPairsAreCountedThenExactlyFourAreAllowedAndTheEndStatesLeadNowhere() {
        long allowed = everyPairOfStatuses().map(Arguments::get)
                .filter(pair -> ((ConsentStatus) pair[0]).canBecome((ConsentStatus) pair[1])).count();
        assertEquals(4, allowed);
        for (ConsentStatus end : EnumSet.of(ConsentStatus.REJECTED, ConsentStatus.REVOKED, ConsentStatus.EXPIRED)) {
            assertTrue(end.next().isEmpty(), end + " is an end state");
        }
    }

    @Test
    void whenCreatedThenAwaitingAuthorisationWithTheRequestedScopeAndOneEvent() {
        Consent consent = newConsent();

        assertEquals("c1", consent.id());
        assertEquals(CUSTOMER, consent.customer());
        assertEquals(CLIENT, consent.clientId());
        assertEquals("read", consent.scope());
        assertEquals(ConsentStatus.AWAITING_AUTHORISATION, consent.status());
        assertEquals(CREATED, consent.createdAt());
        assertNull(consent.authorisedAt());
        assertNull(consent.expiresAt());
        assertNull(consent.revokedAt());
        assertNull(consent.revokedBy());
        assertNull(consent.lastUsedAt());
        assertFalse(consent.isActiveAt(CREATED));
        assertHistory(consent, event(null, ConsentStatus.AWAITING_AUTHORISATION, CREATED, DAVE));
    }

    @Test
    void whenAuthorisedThenTheGrantedScopeAndExpiryAreSetAndTheEventRecorded() {
        Consent consent = newConsent();

        consent.authorise("info", AUTHORISED, LIFETIME);

        assertEquals(ConsentStatus.AUTHORISED, consent.status());
        assertEquals("info", consent.scope(), "from now on the scope is what was granted");
        assertEquals(CREATED, consent.createdAt());
        assertEquals(AUTHORISED, consent.authorisedAt());
        assertEquals(AUTHORISED.plus(Duration.ofDays(90)), consent.expiresAt());
        assertNull(consent.revokedAt());
        assertNull(consent.revokedBy());
        assertHistory(consent,
                event(null, ConsentStatus.AWAITING_AUTHORISATION, CREATED, DAVE),
                event(ConsentStatus.AWAITING_AUTHORISATION, ConsentStatus.AUTHORISED, AUTHORISED, DAVE));
    }

    @Test
    void whenRejectedThenRejectedWithNoDatesOfAuthorisationAndTheEventRecorded() {
        Consent consent = newConsent();
        Instant rejected = CREATED.plusSeconds(12);

        consent.reject(rejected);

        assertEquals(ConsentStatus.REJECTED, consent.status());
        assertEquals("read", consent.scope(), "nothing was granted: the scope stays the one requested");
        assertNull(consent.authorisedAt());
        assertNull(consent.expiresAt());
        assertNull(consent.revokedAt());
        assertNull(consent.revokedBy());
        assertFalse(consent.isActiveAt(rejected));
        assertHistory(consent,
                event(null, ConsentStatus.AWAITING_AUTHORISATION, CREATED, DAVE),
                event(ConsentStatus.AWAITING_AUTHORISATION, ConsentStatus.REJECTED, rejected, DAVE));
    }

    @Test
    void whenRevokedByTheCustomerThenRevokedWhenAndByWhomAndTheEventRecorded() {
        Consent consent = authorisedConsent();
        Instant revoked = AUTHORISED.plus(Duration.ofDays(3));

        consent.revoke(revoked, Consent.actorCustomer(CUSTOMER));

        assertEquals(ConsentStatus.REVOKED, consent.status());
        assertEquals(revoked, consent.revokedAt());
        assertEquals(DAVE, consent.revokedBy());
        assertEquals(AUTHORISED, consent.authorisedAt(), "the authorisation date stays");
        assertEquals(EXPIRES, consent.expiresAt(), "the expiry date stays");
        assertFalse(consent.isActiveAt(revoked));
        assertHistory(consent,
                event(null, ConsentStatus.AWAITING_AUTHORISATION, CREATED, DAVE),
                event(ConsentStatus.AWAITING_AUTHORISATION, ConsentStatus.AUTHORISED, AUTHORISED, DAVE),
                event(ConsentStatus.AUTHORISED, ConsentStatus.REVOKED, revoked, DAVE));
    }

    @Test
    void whenRevokedByTheAppThenTheAppIsRecordedAsRevokingIt() {
        Consent consent = authorisedConsent();
        Instant revoked = AUTHORISED.plusSeconds(600);

        consent.revoke(revoked, Consent.actorClient(CLIENT));

        assertEquals(ConsentStatus.REVOKED, consent.status());
        assertEquals(revoked, consent.revokedAt());
        assertEquals("client:" + CLIENT, consent.revokedBy());
        assertHistory(consent,
                event(null, ConsentStatus.AWAITING_AUTHORISATION, CREATED, DAVE),
                event(ConsentStatus.AWAITING_AUTHORISATION, ConsentStatus.AUTHORISED, AUTHORISED, DAVE),
                event(ConsentStatus.AUTHORISED, ConsentStatus.REVOKED, revoked, "client:" + CLIENT));
    }

    @Test
    void whenTheExpiryHasNotComeThenExpireIfDueChangesNothingAndTheConsentIsActive() {
        Consent consent = authorisedConsent();
        Instant justBefore = EXPIRES.minusNanos(1);

        assertFalse(consent.expireIfDue(AUTHORISED));
        assertFalse(consent.expireIfDue(EXPIRES.minus(Duration.ofDays(1))));
        assertFalse(consent.expireIfDue(justBefore));

        assertEquals(ConsentStatus.AUTHORISED, consent.status());
        assertEquals(2, consent.history().size());
        assertTrue(consent.isActiveAt(AUTHORISED));
        assertTrue(consent.isActiveAt(justBefore));
    }

    @Test
    void whenTheExpiryInstantComesThenExpiredAndTheEventIsRecordedAtTheExpiryTime() {
        Consent consent = authorisedConsent();
        assertFalse(consent.isActiveAt(EXPIRES), "a consent is not active at its expiry instant, even unrecorded");

        assertTrue(consent.expireIfDue(EXPIRES));

        assertEquals(ConsentStatus.EXPIRED, consent.status());
        assertFalse(consent.isActiveAt(EXPIRES));
        assertFalse(consent.isActiveAt(AUTHORISED), "an expired consent is not active at any time");
        assertNull(consent.revokedAt());
        assertNull(consent.revokedBy());
        assertHistory(consent,
                event(null, ConsentStatus.AWAITING_AUTHORISATION, CREATED, DAVE),
                event(ConsentStatus.AWAITING_AUTHORISATION, ConsentStatus.AUTHORISED, AUTHORISED, DAVE),
                event(ConsentStatus.AUTHORISED, ConsentStatus.EXPIRED, EXPIRES, Consent.BANK));
    }

    @Test
    void whenTheExpiryIsNoticedLateThenTheEventIsStillDatedAtTheExpiry() {
        Consent consent = authorisedConsent();
        Instant noticed = EXPIRES.plus(Duration.ofDays(5));

        assertTrue(consent.expireIfDue(noticed));

        assertEquals(ConsentStatus.EXPIRED, consent.status());
        ConsentEvent expired = consent.history().get(2);
        assertEquals(EXPIRES, expired.at(), "recorded at the expiry, not when noticed");
        assertFalse(consent.expireIfDue(noticed.plusSeconds(1)), "expired once only");
        assertEquals(3, consent.history().size());
    }

    @Test
    void whenNotAuthorisedThenExpireIfDueDoesNothing() {
        Consent awaiting = newConsent();
        assertFalse(awaiting.expireIfDue(CREATED.plus(Duration.ofDays(365))));
        assertEquals(ConsentStatus.AWAITING_AUTHORISATION, awaiting.status());
        assertEquals(1, awaiting.history().size());

        Consent rejected = newConsent();
        rejected.reject(AUTHORISED);
        assertFalse(rejected.expireIfDue(CREATED.plus(Duration.ofDays(365))));
        assertEquals(ConsentStatus.REJECTED, rejected.status());
        assertEquals(2, rejected.history().size());

        Consent revoked = authorisedConsent();
        revoked.revoke(AUTHORISED.plusSeconds(1), DAVE);
        assertFalse(revoked.expireIfDue(EXPIRES.plusSeconds(1)));
        assertEquals(ConsentStatus.REVOKED, revoked.status());
        assertEquals(3, revoked.history().size());
    }

    @Test
    void whenRejectedAfterAuthorisationThenRefusedAndNothingChanges() {
        assertRefused(authorisedConsent(), ConsentStatus.REJECTED, c -> c.reject(AUTHORISED.plusSeconds(5)));
    }

    @Test
    void whenAuthorisedTwiceThenRefusedAndNothingChanges() {
        Consent consent = authorisedConsent();
        assertRefused(consent, ConsentStatus.AUTHORISED,
                c -> c.authorise("read", AUTHORISED.plusSeconds(5), LIFETIME));
        assertEquals("info", consent.scope(), "the granted scope stays");
    }

    @Test
    void whenRevokedWhileAwaitingAuthorisationThenRefusedAndNothingChanges() {
        assertRefused(newConsent(), ConsentStatus.REVOKED, c -> c.revoke(AUTHORISED, DAVE));
    }

    @Test
    void whenRejectedConsentIsAuthorisedRejectedOrRevokedThenRefusedAndNothingChanges() {
        Consent consent = newConsent();
        consent.reject(AUTHORISED);
        assertRefused(consent, ConsentStatus.AUTHORISED, c -> c.authorise("read", AUTHORISED.plusSeconds(5), LIFETIME));
        assertRefused(consent, ConsentStatus.REJECTED, c -> c.reject(AUTHORISED.plusSeconds(5)));
        assertRefused(consent, ConsentStatus.REVOKED, c -> c.revoke(AUTHORISED.plusSeconds(5), DAVE));
    }

    @Test
    void whenRevokedTwiceThenRefusedAndTheFirstRevocationStands() {
        Consent consent = authorisedConsent();
        Instant first = AUTHORISED.plusSeconds(60);
        consent.revoke(first, DAVE);

        assertRefused(consent, ConsentStatus.REVOKED, c -> c.revoke(first.plusSeconds(60), "client:" + CLIENT));

        assertEquals(first, consent.revokedAt());
        assertEquals(DAVE, consent.revokedBy());
    }

    @Test
    void whenRevokedConsentIsAuthorisedOrRejectedThenRefusedAndNothingChanges() {
        Consent consent = authorisedConsent();
        consent.revoke(AUTHORISED.plusSeconds(60), DAVE);

        assertRefused(consent, ConsentStatus.AUTHORISED, c -> c.authorise("read", AUTHORISED.plusSeconds(90), LIFETIME));
        assertRefused(consent, ConsentStatus.REJECTED, c -> c.reject(AUTHORISED.plusSeconds(90)));
        assertEquals(EXPIRES, consent.expiresAt(), "a refused authorisation does not extend the consent");
    }

    @Test
    void whenExpiredConsentIsAuthorisedRejectedOrRevokedThenRefusedAndNothingChanges() {
        Consent consent = authorisedConsent();
        consent.expireIfDue(EXPIRES);
        Instant later = EXPIRES.plusSeconds(10);

        assertRefused(consent, ConsentStatus.AUTHORISED, c -> c.authorise("read", later, LIFETIME));
        assertRefused(consent, ConsentStatus.REJECTED, c -> c.reject(later));
        assertRefused(consent, ConsentStatus.REVOKED, c -> c.revoke(later, DAVE));
        assertNull(consent.revokedAt());
        assertNull(consent.revokedBy());
        assertEquals(EXPIRES, consent.expiresAt());
    }

    @Test
    void whenTheHistoryIsReadThenItCannotBeChangedFromOutside() {
        Consent consent = authorisedConsent();
        List<ConsentEvent> history = consent.history();

        assertThrows(UnsupportedOperationException.class, () -> history.remove(0));
        assertEquals(2, consent.history().size());
    }

    /** Applies a forbidden change: it throws, naming the transition, and leaves status, dates and history alone. */
    private static void assertRefused(Consent consent, ConsentStatus target, Consumer<Consent> change) {
        ConsentStatus before = consent.status();
        List<String> historyBefore = describe(consent.history());
        String scope = consent.scope();
        Instant authorisedAt = consent.authorisedAt();
        Instant expiresAt = consent.expiresAt();
        Instant revokedAt = consent.revokedAt();
        String revokedBy = consent.revokedBy();

        IllegalConsentTransition refused = assertThrows(IllegalConsentTransition.class, () -> change.accept(consent));

        assertEquals(before, refused.from());
        assertEquals(target, refused.to());
        assertEquals(before, consent.status(), "the status is unchanged");
        assertEquals(historyBefore, describe(consent.history()), "the history is unchanged");
        assertEquals(scope, consent.scope());
        assertEquals(authorisedAt, consent.authorisedAt());
        assertEquals(expiresAt, consent.expiresAt());
        assertEquals(revokedAt, consent.revokedAt());
        assertEquals(revokedBy, consent.revokedBy());
    }

    private static Consent newConsent() {
        return new Consent("c1", CUSTOMER, CLIENT, "read", CREATED);
    }

    /** Authorised for "info" only at {@link #AUTHORISED}, for 90 days. */
    private static Consent authorisedConsent() {
        Consent consent = newConsent();
        consent.authorise("info", AUTHORISED, LIFETIME);
        return consent;
    }

    private static String event(ConsentStatus from, ConsentStatus to, Instant at, String actor) {
        return from + " -> " + to + " at " + at + " by " + actor;
    }

    private static List<String> describe(List<ConsentEvent> history) {
        return history.stream().map(e -> event(e.from(), e.to(), e.at(), e.actor())).toList();
    }

    private static void assertHistory(Consent consent, String... expected) {
        assertEquals(List.of(expected), describe(consent.history()));
    }
}
