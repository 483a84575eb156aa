package io.accountoauth.login;

import java.time.Duration;

/** The answer to a login: who logged in, or a refusal that never says whether the user exists. */
public sealed interface LoginOutcome {

    record LoggedIn(String customer) implements LoginOutcome {
    }

    record Refused() implements LoginOutcome {
    }

    /** Too many failures for this account or from this address: try again after {@code remaining}. */
    record CoolingDown(Duration remaining) implements LoginOutcome {
    }

    /**
     * The account has had too many failures from browsers it does not know, and this is one: it may try again
     * after {@code remaining}, or from a browser the customer has logged in from before.
     */
    record Protected(Duration remaining) implements LoginOutcome {
    }

    /** Too many password checks are under way: the password was not checked, and nothing was counted. */
    record Busy() implements LoginOutcome {
    }

    /** The message the login page shows for a refusal. */
    public static String message(LoginOutcome outcome) {
        if (outcome instanceof Busy) {
            return "The bank is checking many logins at the moment. Try again in a few seconds.";
        }
        if (outcome instanceof Protected guarded) {
            long minutes = Math.max(1, (guarded.remaining().toSeconds() + 59) / 60);
            return "Too many failed attempts for this user from other browsers. Log in from a browser you have "
                    + "used before, or try again in " + minutes + (minutes == 1 ? " minute." : " minutes.");
        }
        if (outcome instanceof CoolingDown cooling) {
            long seconds = Math.max(1, (cooling.remaining().toMillis() + 999) / 1000);
            return "Too many failed attempts. Try again in " + seconds + " seconds.";
        }
        return "The user name or password is not right.";
    }
}
