package io.accountoauth.oauth;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * What the consent page shows: the app's request, who is asked, and until when a yes would last. The page's view
 * holds it, so it travels with a replicated session.
 */
public record ConsentPrompt(AuthorizationRequest request, String customer, List<String> permissions,
        Instant wouldExpire) implements Serializable {
}
