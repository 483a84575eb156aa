/**
 * Customer authentication through Jakarta Security: who may log in to approve an app or manage their consents
 * (the identity store), the customer a browser session is logged in as, and the throttle on failed logins.
 */
package io.accountoauth.login;
