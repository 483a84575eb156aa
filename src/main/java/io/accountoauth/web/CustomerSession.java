package io.accountoauth.web;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;

/** The customer logged in to the consents dashboard in this browser session. */
@SessionScoped
public class CustomerSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String customer;

    public String customer() {
        return customer;
    }

    public boolean loggedIn() {
        return customer != null;
    }

    void logIn(String customer) {
        this.customer = customer;
    }

    void logOut() {
        this.customer = null;
    }
}
