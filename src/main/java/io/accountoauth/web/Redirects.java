package io.accountoauth.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

/** Ends a Faces request with a redirect. */
final class Redirects {

    private Redirects() {
    }

    /** A 303, so that the browser follows a POST with a GET (RFC 9700 §4.12). */
    static void seeOther(String location) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.setResponseStatus(303);
        external.setResponseHeader("Location", location);
        external.setResponseHeader("Cache-Control", "no-store");
        faces.responseComplete();
    }
}
