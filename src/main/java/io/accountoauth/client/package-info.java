/** Registered client apps: their secrets (stored as digests) and the rules for their redirect URIs. */
package io.accountoauth.client;
