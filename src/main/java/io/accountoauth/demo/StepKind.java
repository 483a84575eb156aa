package io.accountoauth.demo;

/** What a recorded step was, which also says where it stands in the sequence diagram. */
public enum StepKind {
    DISCOVERY,
    REGISTRATION,
    PAR,
    AUTHORIZE,
    LOGIN,
    CALLBACK,
    TOKEN,
    INTROSPECTION,
    BALANCE,
    INFO,
    REFRESH;

    /** The name used in the page's classes and data attributes. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
