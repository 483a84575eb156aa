/** Faces backing beans for the customer's pages: thin, they call the services and hold no rules. */
package io.accountoauth.web;
