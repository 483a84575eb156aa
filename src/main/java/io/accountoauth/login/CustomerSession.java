package io.accountoauth.login;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/**
 * Who is logged in to this browser session: the one place that holds it, written and read by
 * {@link CustomerAuthenticator}. It lives in the HTTP session, which the data grid replicates, so a browser stays
 * logged in on every node.
 */
@SessionScoped
public class CustomerSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String customer;

    String customer() {
        return customer;
    }

    void logIn(String customer) {
        this.customer = customer;
    }

    void logOut() {
        this.customer = null;
    }
}
