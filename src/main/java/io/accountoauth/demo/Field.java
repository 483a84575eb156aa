package io.accountoauth.demo;

import java.io.Serializable;

/** A name and a value as shown: a header, a parameter. */
public final class Field implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;

    Field(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }
}
