/** The registry of authorization codes and access tokens: random values, 60-second validity, single-use codes. */
package io.accountoauth.token;
