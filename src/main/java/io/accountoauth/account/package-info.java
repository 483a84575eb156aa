/** The bank's customers and accounts, and the protected API that reads them: /account/info and /account/balance. */
package io.accountoauth.account;
