/** Cross-cutting plumbing: the clock, logging, the REST applications, persistence set-up and sandbox data. */
package io.accountoauth.platform;
