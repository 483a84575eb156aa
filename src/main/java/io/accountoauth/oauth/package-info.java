/**
 * The OAuth 2.0 endpoints: HTTP in, the RFC's rules, the RFC's errors out. The authorize endpoint hands the
 * browser to the login and consent views; the token endpoint exchanges codes; the bearer filter guards the API.
 */
package io.accountoauth.oauth;
