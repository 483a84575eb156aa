package io.accountoauth.demo;

/** The app cannot go on with the flow: the bank is out of reach or refused its set-up. */
class DemoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
        super(message);
    }

    DemoFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
