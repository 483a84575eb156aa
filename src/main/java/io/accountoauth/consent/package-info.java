/**
 * Consents: what a customer allowed an app to read, for how long, and everything that happened to it since.
 * The lifecycle, its audit trail and its store; the customer's dashboard and the app's status call use it.
 */
package io.accountoauth.consent;
