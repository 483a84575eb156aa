/** Customer authentication: who may log in to approve an app. */
package io.accountoauth.login;
