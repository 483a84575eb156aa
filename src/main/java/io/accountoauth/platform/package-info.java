/**
 * Cross-cutting plumbing: the clock, the checked configuration, logging, security headers, error pages, throttles
 * and the OpenAPI clean-up.
 */
package io.accountoauth.platform;
