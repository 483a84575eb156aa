package io.accountoauth.token;

/**
 * One authorization: a customer's approval of a client for a scope. The tokens issued under it, first from
 * its code and then by refreshing, share its id and end together when it is revoked.
 */
public record Grant(String grantId, String clientId, String customer, String scope) {

    /** The same grant, narrowed to a scope it covers. */
    public Grant withScope(String narrower) {
        return new Grant(grantId, clientId, customer, narrower);
    }
}
