/** The sandbox's apps and customers, added to the database at start-up where they are missing. */
package io.accountoauth.sandbox;
