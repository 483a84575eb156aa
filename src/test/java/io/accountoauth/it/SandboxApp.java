package io.accountoauth.it;

/** The original sandbox's registered app. */
final class SandboxApp {

    static final String CLIENT_ID = "7b6fc8ed5127b0b2f076d";
    static final String CLIENT_SECRET = "724e6890757b0ae624684b70e111b705fe6b050c";
    static final String REDIRECT_URI = "http://www3.sotong.io";

    private SandboxApp() {
    }
}
