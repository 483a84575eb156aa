package io.accountoauth.login;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * Reads a password (from the console without echo, or one line of standard input) and prints its hash as the
 * server stores it ({@link Passwords}), to put in the customer table. Runs outside the server, with the Jakarta
 * Security implementation that Payara and WildFly ship.
 */
public final class HashPassword {

    private HashPassword() {
    }

    public static void main(String[] args) throws IOException {
        Console console = System.console();
        char[] password = console != null ? console.readPassword("Password: ")
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine().toCharArray();
        Pbkdf2PasswordHash hash = new Pbkdf2PasswordHashImpl();
        hash.initialize(Passwords.PARAMETERS);
        System.out.println(hash.generate(password));
    }
}
