package io.accountoauth.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Turns what happened into {@link Step}s, stamped with the app's clock. */
@ApplicationScoped
public class Recorder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Inject
    Clock clock;

    /** A step that was one HTTP call of the app's, masked. */
    Step call(StepKind kind, String title, HttpCall call, Step.Checker checker, String check, boolean ok) {
        return new Step(kind, title, null, call.shownRequest(), call.shownResponse(), call.shownJwts(), checker, check,
                ok, now());
    }

    /** A step the app did not make itself, or made only through the browser. */
    Step event(StepKind kind, String title, String note, ShownRequest request, ShownResponse response,
            Step.Checker checker, String check, boolean ok) {
        return new Step(kind, title, note, request, response, List.of(), checker, check, ok, now());
    }

    private String now() {
        return TIME.format(clock.instant());
    }
}
