/** Cross-cutting plumbing: the clock, logging, security headers, error pages, throttles and the OpenAPI clean-up. */
package io.accountoauth.platform;
