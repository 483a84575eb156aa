package io.accountoauth.consent;

/** A status change the consent lifecycle does not allow. */
public class IllegalConsentTransition extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ConsentStatus from;
    private final ConsentStatus to;

    public IllegalConsentTransition(ConsentStatus from, ConsentStatus to) {
        super("A consent cannot go from " + from + " to " + to + ".");
        this.from = from;
        this.to = to;
    }

    public ConsentStatus from() {
        return from;
    }

    public ConsentStatus to() {
        return to;
    }
}
