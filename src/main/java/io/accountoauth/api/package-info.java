/**
 * The REST applications: which resources, filters and mappers answer under {@code /account} and
 * {@code /.well-known}, and the OpenAPI description of the whole API.
 */
package io.accountoauth.api;
