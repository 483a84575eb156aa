package io.accountoauth.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The flow as a sequence diagram, laid out for an inline SVG: a lifeline for each party and an arrow for
 * each message, the arrows of the steps done so far marked {@code done}, or {@code failed} where the last
 * such step failed.
 */
public final class SequenceDiagram {

    static final int LANE_SPACING = 180;
    static final int FIRST_LANE_X = 90;
    static final int BOX_HALF_WIDTH = 80;
    static final int FIRST_ARROW_Y = 92;
    static final int ARROW_SPACING = 32;
    static final int HEAD_LENGTH = 9;
    static final int HEAD_HALF_WIDTH = 4;

    private static final Lane BROWSER = new Lane(0, "Browser", "you");
    private static final Lane APP = new Lane(1, "Demo app", "My Money Managing App");
    private static final Lane BANK = new Lane(2, "Bank", "authorize · login · consent");
    private static final Lane TOKEN = new Lane(3, "Token endpoint", "/account/token");
    private static final Lane API = new Lane(4, "Account API", "/account/info, /balance");
    private static final List<Lane> LANES = List.of(BROWSER, APP, BANK, TOKEN, API);
    private static final Lane FAPI_BANK = new Lane(2, "Bank", "par · authorize · login · consent");
    private static final Lane FAPI_TOKEN = new Lane(3, "Token endpoint", "/account/token, /introspect");
    private static final List<Lane> FAPI_LANES = List.of(BROWSER, APP, FAPI_BANK, FAPI_TOKEN, API);

    private static final List<Message> MESSAGES = List.of(
            new Message(StepKind.AUTHORIZE, BROWSER, APP, "Connect your bank account", false),
            new Message(StepKind.AUTHORIZE, APP, BROWSER, "303 to the bank", true),
            new Message(StepKind.AUTHORIZE, BROWSER, BANK, "1 GET /account/authorize (state, PKCE)", false),
            new Message(StepKind.AUTHORIZE, BANK, BROWSER, "log-in page", true),
            new Message(StepKind.LOGIN, BROWSER, BANK, "2 log in, Allow", false),
            new Message(StepKind.LOGIN, BANK, BROWSER, "303 to redirect_uri (code, state, iss)", true),
            new Message(StepKind.CALLBACK, BROWSER, APP, "3 GET /demo/callback", false),
            new Message(StepKind.TOKEN, APP, TOKEN, "4 POST code, code_verifier (Basic)", false),
            new Message(StepKind.TOKEN, TOKEN, APP, "access_token, refresh_token", true),
            new Message(StepKind.BALANCE, APP, API, "5 GET /account/balance (Bearer)", false),
            new Message(StepKind.BALANCE, API, APP, "balance", true),
            new Message(StepKind.INFO, APP, API, "6 GET /account/info (Bearer)", false),
            new Message(StepKind.INFO, API, APP, "account details", true),
            new Message(StepKind.CALLBACK, APP, BROWSER, "303 to this page", true),
            new Message(StepKind.REFRESH, APP, TOKEN, "POST refresh_token (Basic)", false),
            new Message(StepKind.REFRESH, TOKEN, APP, "new access_token, refresh_token", true));

    /** FAPI 2.0: the request pushed first, client assertions for the app's calls, DPoP proofs with its tokens. */
    private static final List<Message> FAPI_MESSAGES = List.of(
            new Message(StepKind.PAR, BROWSER, APP, "Connect with FAPI 2.0", false),
            new Message(StepKind.PAR, APP, FAPI_BANK, "1 POST /par (assertion, PKCE, dpop_jkt)", false),
            new Message(StepKind.PAR, FAPI_BANK, APP, "201 request_uri, expires_in 60", true),
            new Message(StepKind.AUTHORIZE, APP, BROWSER, "303 to the bank", true),
            new Message(StepKind.AUTHORIZE, BROWSER, FAPI_BANK, "2 GET /account/authorize (client_id, request_uri)",
                    false),
            new Message(StepKind.AUTHORIZE, FAPI_BANK, BROWSER, "log-in page", true),
            new Message(StepKind.LOGIN, BROWSER, FAPI_BANK, "3 log in, Allow", false),
            new Message(StepKind.LOGIN, FAPI_BANK, BROWSER, "303 to redirect_uri (code, state, iss)", true),
            new Message(StepKind.CALLBACK, BROWSER, APP, "4 GET /demo/callback", false),
            new Message(StepKind.TOKEN, APP, FAPI_TOKEN, "5 POST code, code_verifier (assertion, DPoP proof)", false),
            new Message(StepKind.TOKEN, FAPI_TOKEN, APP, "DPoP access_token, refresh_token", true),
            new Message(StepKind.INTROSPECTION, APP, FAPI_TOKEN, "6 POST /introspect (assertion)", false),
            new Message(StepKind.INTROSPECTION, FAPI_TOKEN, APP, "active, cnf.jkt", true),
            new Message(StepKind.BALANCE, APP, API, "7 GET /account/balance (DPoP, proof)", false),
            new Message(StepKind.BALANCE, API, APP, "balance", true),
            new Message(StepKind.INFO, APP, API, "8 GET /account/info (DPoP, proof)", false),
            new Message(StepKind.INFO, API, APP, "account details", true),
            new Message(StepKind.CALLBACK, APP, BROWSER, "303 to this page", true),
            new Message(StepKind.REFRESH, APP, FAPI_TOKEN, "POST refresh_token (assertion, DPoP proof)", false),
            new Message(StepKind.REFRESH, FAPI_TOKEN, APP, "new access_token, same refresh_token", true));

    private final List<Lane> lanes;
    private final List<Arrow> arrows;

    private SequenceDiagram(List<Lane> lanes, List<Arrow> arrows) {
        this.lanes = lanes;
        this.arrows = arrows;
    }

    /** The plain flow's diagram with the outcome of the last step of each kind: true done, false failed. */
    static SequenceDiagram of(Map<StepKind, Boolean> outcomes) {
        return of(Profile.PLAIN, outcomes);
    }

    /** The diagram of the profile's flow with the outcome of the last step of each kind: true done, false failed. */
    static SequenceDiagram of(Profile profile, Map<StepKind, Boolean> outcomes) {
        List<Message> messages = profile.isFapi() ? FAPI_MESSAGES : MESSAGES;
        List<Arrow> arrows = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            Message message = messages.get(i);
            Boolean outcome = outcomes.get(message.kind());
            String state = outcome == null ? "" : outcome ? " done" : " failed";
            arrows.add(new Arrow(message, FIRST_ARROW_Y + i * ARROW_SPACING,
                    "arrow" + (message.reply() ? " reply" : "") + state));
        }
        return new SequenceDiagram(profile.isFapi() ? FAPI_LANES : LANES, List.copyOf(arrows));
    }

    public List<Lane> getLanes() {
        return lanes;
    }

    public List<Arrow> getArrows() {
        return arrows;
    }

    public int getWidth() {
        return FIRST_LANE_X * 2 + LANE_SPACING * (lanes.size() - 1);
    }

    public int getHeight() {
        return FIRST_ARROW_Y + arrows.size() * ARROW_SPACING;
    }

    /** Where a lifeline ends: below the last arrow. */
    public int getLifelineEnd() {
        return getHeight() - ARROW_SPACING / 2;
    }

    private record Message(StepKind kind, Lane from, Lane to, String label, boolean reply) {
    }

    /** A party to the flow, with its lifeline. */
    public static final class Lane {

        private final int x;
        private final String title;
        private final String subtitle;

        Lane(int index, String title, String subtitle) {
            this.x = FIRST_LANE_X + index * LANE_SPACING;
            this.title = title;
            this.subtitle = subtitle;
        }

        public int getX() {
            return x;
        }

        public int getBoxX() {
            return x - BOX_HALF_WIDTH;
        }

        public int getBoxWidth() {
            return BOX_HALF_WIDTH * 2;
        }

        public String getTitle() {
            return title;
        }

        public String getSubtitle() {
            return subtitle;
        }
    }

    /** A message from one lifeline to another, with its head and its label. */
    public static final class Arrow {

        private final Message message;
        private final int y;
        private final String styleClass;

        Arrow(Message message, int y, String styleClass) {
            this.message = message;
            this.y = y;
            this.styleClass = styleClass;
        }

        public String getKind() {
            return message.kind().id();
        }

        public String getLabel() {
            return message.label();
        }

        public String getStyleClass() {
            return styleClass;
        }

        public int getX1() {
            return message.from().getX();
        }

        /** Where the line stops: at the base of the head. */
        public int getX2() {
            int to = message.to().getX();
            return to - direction() * HEAD_LENGTH;
        }

        public int getY() {
            return y;
        }

        public int getLabelX() {
            return (message.from().getX() + message.to().getX()) / 2;
        }

        public int getLabelY() {
            return y - 6;
        }

        /** The head's triangle, its tip on the receiving lifeline. */
        public String getHead() {
            int tip = message.to().getX();
            int base = tip - direction() * HEAD_LENGTH;
            return tip + "," + y + " " + base + "," + (y - HEAD_HALF_WIDTH) + " " + base + "," + (y + HEAD_HALF_WIDTH);
        }

        private int direction() {
            return message.to().getX() > message.from().getX() ? 1 : -1;
        }
    }
}
