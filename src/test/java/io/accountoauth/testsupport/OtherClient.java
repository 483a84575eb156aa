package io.accountoauth.testsupport;

import io.accountoauth.client.Client;
import io.accountoauth.client.ClientRepository;
import io.accountoauth.client.ClientSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/** A second registered app, so that tests can present one client's code as another. */
@ApplicationScoped
public class OtherClient {

    public static final String ID = "other-app";
    public static final String SECRET = "other-app-secret-5f1d0c6e9a8b7c2d";
    public static final String REDIRECT_URI = "https://other.example/callback";

    @Inject
    ClientRepository clients;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        clients.addIfAbsent(new Client(ID, "Other App", ClientSecrets.digest(SECRET), List.of(REDIRECT_URI), false));
    }
}
