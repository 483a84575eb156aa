/**
 * Customer authentication through Jakarta Security: who may log in to approve an app or manage their consents
 * (the identity store), how a browser session is logged in (the authentication mechanism), and the throttle on
 * failed logins.
 */
package io.accountoauth.login;
