package io.accountoauth.hello;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

/**
 * One Jakarta REST GET that answers a constant JSON body the size of the bank's balance response: what the server
 * costs per request with no application work, the yardstick of every figure of the benchmark.
 */
@ApplicationPath("/")
public class HelloApplication extends Application {

    static final String BALANCE = "{\"account_owner\":\"dave\",\"account_balance\":\"10,187.91\"}";

    @Path("balance")
    public static class Balance {

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String get() {
            return BALANCE;
        }
    }
}
