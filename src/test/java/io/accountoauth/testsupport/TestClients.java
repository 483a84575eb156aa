package io.accountoauth.testsupport;

import io.accountoauth.client.AuthMethod;
import io.accountoauth.client.Client;
import io.accountoauth.client.ClientRepository;
import io.accountoauth.client.ClientSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Apps registered in test deployments beside the sandbox's: a second confidential app, so that tests can
 * present one client's code or token as another's, and a public app, which has no secret and must use PKCE.
 */
@ApplicationScoped
public class TestClients {

    public static final String OTHER_ID = "other-app";
    public static final String OTHER_SECRET = "other-app-secret-5f1d0c6e9a8b7c2d";
    public static final String OTHER_REDIRECT_URI = "https://other.example/callback";

    public static final String PUBLIC_ID = "public-app";
    /** A registered loopback URI: the app may use it on any port (RFC 8252 §7.3). */
    public static final String PUBLIC_REDIRECT_URI = "http://127.0.0.1/callback";

    @Inject
    ClientRepository clients;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        clients.addIfAbsent(new Client(OTHER_ID, "Other App", ClientSecrets.digest(OTHER_SECRET),
                List.of(OTHER_REDIRECT_URI), false));
        clients.addIfAbsent(new Client(PUBLIC_ID, "Public App", null, AuthMethod.NONE,
                List.of(PUBLIC_REDIRECT_URI), false));
    }
}
