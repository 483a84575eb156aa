package io.accountoauth.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The demo app's redirect URI: takes the bank's answer, lets {@link DemoFlow} check it and finish the flow,
 * then sends the browser on to the demo's page with a 303, so that the code leaves the address bar.
 */
@WebServlet(urlPatterns = Addresses.CALLBACK_PATH)
public class CallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    DemoFlow flow;

    @Inject
    DemoSession session;

    @Inject
    BankAddress bankAddress;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        Addresses addresses = bankAddress.of(request);
        try {
            flow.callback(addresses, request.getQueryString());
        } catch (DemoFailure e) {
            session.message(e.getMessage());
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", addresses.home());
        response.setHeader("Cache-Control", "no-store");
    }
}
