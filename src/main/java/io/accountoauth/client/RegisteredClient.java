package io.accountoauth.client;

import java.time.Instant;

/** A newly registered client, with its secret in the clear: the only time it is ever available. */
public record RegisteredClient(Client client, String clientSecret, Instant issuedAt) {
}
