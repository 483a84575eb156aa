package io.accountoauth.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the diagram's highlighting and its arrows' geometry. */
class SequenceDiagramTest {

    @Test
    void whenNoStepIsDoneThenNoArrowIsHighlighted() {
        SequenceDiagram diagram = SequenceDiagram.of(Map.of());
        assertEquals(5, diagram.getLanes().size());
        assertTrue(diagram.getArrows().stream().noneMatch(a -> a.getStyleClass().contains("done")));
    }

    @Test
    void whenTheFirstStepsAreDoneThenTheirArrowsAreDoneAndALaterFailureIsFailed() {
        Map<StepKind, Boolean> outcomes = new EnumMap<>(StepKind.class);
        outcomes.put(StepKind.AUTHORIZE, true);
        outcomes.put(StepKind.LOGIN, true);
        outcomes.put(StepKind.BALANCE, false);
        List<SequenceDiagram.Arrow> arrows = SequenceDiagram.of(outcomes).getArrows();
        for (SequenceDiagram.Arrow arrow : arrows) {
            String expected = switch (arrow.getKind()) {
                case "authorize", "login" -> "done";
                case "balance" -> "failed";
                default -> null;
            };
            if (expected == null) {
                assertTrue(!arrow.getStyleClass().contains("done") && !arrow.getStyleClass().contains("failed"),
                        arrow.getLabel());
            } else {
                assertTrue(arrow.getStyleClass().endsWith(expected), arrow.getLabel() + ": " + arrow.getStyleClass());
            }
        }
    }

    @Test
    void whenTheFlowIsFapi2ThenThePushedRequestComesBeforeTheBrowserGoesToTheBank() {
        Map<StepKind, Boolean> outcomes = new EnumMap<>(StepKind.class);
        outcomes.put(StepKind.PAR, true);
        List<SequenceDiagram.Arrow> arrows = SequenceDiagram.of(Profile.FAPI2, outcomes).getArrows();
        List<String> kinds = arrows.stream().map(SequenceDiagram.Arrow::getKind).toList();
        assertTrue(kinds.indexOf("par") < kinds.indexOf("authorize"), kinds.toString());
        assertTrue(kinds.contains("introspection"), kinds.toString());
        assertTrue(arrows.stream().filter(a -> a.getKind().equals("par")).allMatch(a -> a.getStyleClass().endsWith("done")));
        assertTrue(arrows.stream().filter(a -> a.getLabel().contains("/account/authorize")).allMatch(
                a -> a.getLabel().contains("request_uri")));
        assertTrue(SequenceDiagram.of(Map.of()).getArrows().stream().noneMatch(a -> a.getKind().equals("par")));
    }

    @Test
    void whenAnArrowPointsLeftThenItsHeadPointsLeftOnTheReceivingLifeline() {
        SequenceDiagram diagram = SequenceDiagram.of(Map.of());
        SequenceDiagram.Arrow reply = diagram.getArrows().get(1); // demo app to browser
        assertTrue(reply.getStyleClass().contains("reply"));
        int browser = diagram.getLanes().get(0).getX();
        int app = diagram.getLanes().get(1).getX();
        assertEquals(app, reply.getX1());
        assertEquals(browser + SequenceDiagram.HEAD_LENGTH, reply.getX2());
        assertTrue(reply.getHead().startsWith(browser + "," + reply.getY() + " "), reply.getHead());
    }

    @Test
    void whenLaidOutThenEveryArrowIsInsideTheDiagramAndBelowTheLaneBoxes() {
        for (Profile profile : Profile.values()) {
            SequenceDiagram diagram = SequenceDiagram.of(profile, Map.of());
            for (SequenceDiagram.Arrow arrow : diagram.getArrows()) {
                assertTrue(arrow.getLabelY() > 56 && arrow.getY() < diagram.getLifelineEnd(), arrow.getLabel());
                assertTrue(arrow.getX1() > 0 && arrow.getX1() < diagram.getWidth(), arrow.getLabel());
            }
        }
    }
}
