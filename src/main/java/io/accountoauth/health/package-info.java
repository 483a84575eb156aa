/**
 * MicroProfile Health checks, which the server answers at {@code /health/live} and {@code /health/ready}:
 * the application is up; it is ready when the database answers and the shared state that holds codes and tokens can be read.
 */
package io.accountoauth.health;
