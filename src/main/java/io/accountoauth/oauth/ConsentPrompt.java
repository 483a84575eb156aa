package io.accountoauth.oauth;

import java.time.Instant;
import java.util.List;

/** What the consent page shows: the app's request, who is asked, and until when a yes would last. */
public record ConsentPrompt(AuthorizationRequest request, String customer, List<String> permissions,
        Instant wouldExpire) {
}
