/**
 * Authorization codes, access tokens and refresh tokens: random values held only as digests, 60-second codes
 * and access tokens on the shared state, grants and rotating refresh tokens in the database, single use and
 * revocation across every node.
 */
package io.accountoauth.token;
