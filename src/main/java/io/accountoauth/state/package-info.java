/**
 * State that every node of the server shares and that lives only minutes: Payara Micro's data grid where it
 * runs clustered, this JVM's memory otherwise. String keys and values, each entry freed by the store's own
 * expiry, and only the operations a grid performs atomically on one entry.
 */
package io.accountoauth.state;
