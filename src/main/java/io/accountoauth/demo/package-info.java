/**
 * The demo app, "My Money Managing App": a third-party client of the bank that happens to ship in the same
 * WAR. It registers itself, sends the customer through the real authorize page, and exchanges the code and
 * calls the account API over HTTP, like any app would, recording each request, response and check so that
 * its page can show the whole flow. It uses none of the bank's classes.
 */
package io.accountoauth.demo;
