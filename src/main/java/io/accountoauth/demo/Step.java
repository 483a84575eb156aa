package io.accountoauth.demo;

import java.io.Serializable;
import java.util.List;

/**
 * One step of the flow as it happened: what was sent, what came back (both masked), and what the bank or
 * the app checked at that step.
 */
public final class Step implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Who made the check a step describes. */
    public enum Checker { BANK, APP }

    private final StepKind kind;
    private final String title;
    private final String note;
    private final ShownRequest request;
    private final ShownResponse response;
    private final List<ShownJwt> jwts;
    private final Checker checker;
    private final String check;
    private final boolean ok;
    private final String at;
    private int number;

    Step(StepKind kind, String title, String note, ShownRequest request, ShownResponse response, List<ShownJwt> jwts,
            Checker checker, String check, boolean ok, String at) {
        this.kind = kind;
        this.title = title;
        this.note = note;
        this.request = request;
        this.response = response;
        this.jwts = List.copyOf(jwts);
        this.checker = checker;
        this.check = check;
        this.ok = ok;
        this.at = at;
    }

    void number(int number) {
        this.number = number;
    }

    StepKind kind() {
        return kind;
    }

    public int getNumber() {
        return number;
    }

    public String getKind() {
        return kind.id();
    }

    public String getTitle() {
        return title;
    }

    /** What happened, in words, where the app saw no request of its own or there is more to say. */
    public String getNote() {
        return note;
    }

    public ShownRequest getRequest() {
        return request;
    }

    public ShownResponse getResponse() {
        return response;
    }

    /** The signed JWTs the request carried, decoded. */
    public List<ShownJwt> getJwts() {
        return jwts;
    }

    public String getCheckedBy() {
        return checker == Checker.APP ? "the app" : "the bank";
    }

    public String getCheck() {
        return check;
    }

    public boolean isOk() {
        return ok;
    }

    /** The time of the step, as the app's clock had it. */
    public String getAt() {
        return at;
    }
}
