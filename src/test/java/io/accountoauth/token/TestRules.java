package io.accountoauth.token;

/**
 * Rules for the registry's unit tests, shaped as the endpoint's: the client a code or refresh token was issued to,
 * the redirect URI, and a scope no wider than the grant's. A broken rule throws {@link BrokenRule} with the error
 * the endpoint would answer.
 */
final class TestRules {

    static final CodeRules NONE = code -> { };

    private TestRules() {
    }

    static final class BrokenRule extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final String error;

        BrokenRule(String error) {
            super(error, null, false, false);
            this.error = error;
        }
    }

    static CodeRules code(String client, String redirectUri) {
        return code -> {
            if (!code.clientId().equals(client)) {
                throw new BrokenRule("invalid_grant");
            }
            if (redirectUri != null && !redirectUri.equals(code.redirectUri())) {
                throw new BrokenRule("invalid_grant");
            }
        };
    }

    /** @param scope the scope asked for, or null for the grant's own */
    static RefreshRules refresh(String client, String scope) {
        return new RefreshRules() {
            @Override
            public void presenter(Grant grant) {
                if (!grant.clientId().equals(client)) {
                    throw new BrokenRule("invalid_grant");
                }
            }

            @Override
            public Grant request(Grant grant) {
                if (scope == null) {
                    return grant;
                }
                if (!Scopes.within(scope, grant.scope())) {
                    throw new BrokenRule("invalid_scope");
                }
                return grant.withScope(scope);
            }
        };
    }
}
