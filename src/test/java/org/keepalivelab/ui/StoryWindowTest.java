package org.keepalivelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalivelab.ui.Fx.onFx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keepalivelab.explain.AppFinding;
import org.keepalivelab.explain.Basis;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Detection;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.explain.Fault;
import org.keepalivelab.explain.Sentence;
import org.keepalivelab.explain.Story;
import org.keepalivelab.model.Action;
import org.keepalivelab.model.ActionEvent;
import org.keepalivelab.model.AppEvent;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.story.Explainer;
import org.keepalivelab.ui.timeline.Hit;
import org.keepalivelab.ui.timeline.LaneGeometry;
import org.testfx.api.FxRobot;

/**
 * The selected connection's story beside the details, with a real lab: its sentences in order, the
 * predicted one marked in words and look and read so by a screen reader, a sentence's moment brought into
 * view by a click, the detections in the details and bracketed on the timeline; at the window's sizes
 * the story scrolls rather than take the timeline's room. The explanations are the test's own, made from
 * the lab's real facts (what the connection's events say), as the explanation's rules are built elsewhere.
 */
@ResourceLock("javafx-toolkit")
class StoryWindowTest {
    /** How many sentences the test's story tells beyond its own three: a long one overflows the panel. */
    private static volatile int moreSentences;

    private final FxRobot robot = new FxRobot();
    @RegisterExtension
    final LabWindow window = LabWindow.killScenario(StoryWindowTest::explain);

    /**
     * The test's explanation of a connection: it opened (the moment of its first event), the client was
     * killed (its kill's moment) and, while no EOF has come, a predicted sentence 30 s in; a
     * detection of the kill on the server's side, learned at its EOF once there is one.
     */
    private static Explanation explain(ConnectionFacts facts) {
        var sentences = new ArrayList<Sentence>();
        var first = facts.events().getFirst();
        sentences.add(new Sentence("The connection opened.", OptionalLong.of(first.t()), Basis.MEASURED));
        var kill = facts.events().stream().filter(e -> e instanceof ActionEvent a && a.action() instanceof Action.Kill)
                .findFirst();
        var eof = facts.events().stream()
                .filter(e -> e instanceof AppEvent a && a.side() == Side.SERVER && a.event() == AppEventType.EOF).findFirst();
        var detections = new ArrayList<Detection>();
        kill.ifPresent(k -> {
            sentences.add(new Sentence("The client was killed.", OptionalLong.of(k.t()), Basis.MEASURED));
            var fault = new Fault(((Action.Kill) ((ActionEvent) k).action()), Optional.of(Side.CLIENT), k.t());
            detections.add(new Detection(facts.conn(), Side.SERVER, fault, Optional.empty(),
                    eof.map(e -> new AppFinding(e.t(), AppEventType.EOF, null)), Basis.MEASURED));
        });
        if (eof.isEmpty()) {
            sentences.add(new Sentence("The server's kernel sends its next keep-alive probe.",
                    OptionalLong.of(first.t() + 30_000_000_000L), Basis.PREDICTED)); // stable: the story stays put
        }
        sentences.add(new Sentence("Keep-alive is the kernel's, not the application's.", OptionalLong.empty(),
                Basis.MEASURED));
        for (int i = 0; i < moreSentences; i++) {
            sentences.add(new Sentence("Sentence " + i + " of a long story, long enough to wrap in a narrow panel.",
                    OptionalLong.empty(), Basis.MEASURED));
        }
        return new Explanation(detections, new Story(facts.conn(), sentences));
    }

    @Test
    void theStoryShowsSentenceBySentenceThePredictedOneMarkedAndReadSo() throws Exception {
        var shown = awaitSentences(3);

        assertEquals("Story of connection 1", onFx(() -> robot.lookup("#story-title").queryAs(Label.class).getText()));
        assertEquals(List.of("The connection opened.", "The server's kernel sends its next keep-alive probe.",
                "Keep-alive is the kernel's, not the application's."), onFx(() -> shown.stream().map(Labeled::getText).toList()));
        var predicted = shown.get(1);
        assertTrue(onFx(() -> predicted.getStyleClass().contains("story-predicted")), "looks predicted");
        assertTrue(onFx(() -> ((Label) predicted.getGraphic()).getText()).startsWith("predicted · "),
                "and says so in words: " + onFx(() -> ((Label) predicted.getGraphic()).getText()));
        assertTrue(onFx(predicted::getAccessibleText).startsWith("Predicted: The server's kernel sends"),
                "a screen reader reads it as predicted: " + onFx(predicted::getAccessibleText));
        assertFalse(onFx(() -> shown.getFirst().getStyleClass().contains("story-predicted")));
        assertTrue(shown.getFirst() instanceof Hyperlink, "a sentence with a moment is a link to it");
        assertFalse(shown.getLast() instanceof Hyperlink, "one about the whole connection is not");
        assertTrue(onFx(() -> shown.getFirst().getAccessibleText()).contains("activate to show it on the timeline"));
    }

    @Test
    void clickingASentenceBringsItsMomentIntoViewOnTheTimeline() throws Exception {
        var view = window.app().view().timeline();
        onFx(() -> window.app().session().act(new Action.Kill())).get(5, TimeUnit.SECONDS);
        awaitSentence("The client was killed.");
        // Once the server's EOF has come the story stays put (no prediction left): the sentence clicked is the one shown.
        KillScenario.await(Duration.ofSeconds(20), "the story told to the server's EOF", () -> onFx(() -> sentences().stream()
                .noneMatch(sentence -> sentence.getStyleClass().contains("story-predicted"))));
        for (int i = 0; i < 25; i++) { // zoomed in to about 80 ms, following live: the connection's start is gone
            robot.interact(() -> view.press(KeyCode.PLUS));
        }
        long opened = onFx(() -> view.model().firstT());
        assertTrue(onFx(() -> view.visibleWindow().start()) > opened, "its opening out of view");

        robot.clickOn(awaitSentence("The connection opened."));

        var shown = onFx(view::visibleWindow);
        assertTrue(shown.start() <= opened && opened <= shown.end(), "the opening in view: " + shown);
        assertFalse(onFx(() -> view.viewport().following()), "and kept there");
        robot.clickOn(awaitSentence("The client was killed."));
        long killedAt = onFx(() -> window.lane(1).actions().stream().filter(a -> a.action() instanceof Action.Kill)
                .findFirst().orElseThrow().t());
        var then = onFx(view::visibleWindow);
        assertTrue(then.start() <= killedAt && killedAt <= then.end(), "the kill in view: " + then);
    }

    @Test
    void theDetectionsShowInTheDetailsAndAsABracketOnTheTimeline() throws Exception {
        var detections = robot.lookup("#details-detections").queryAs(Label.class);
        assertFalse(onFx(detections::isVisible), "no fault, no detection");
        onFx(() -> window.app().session().act(new Action.Kill())).get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(20), "the server's EOF in the details", () -> onFx(detections::getText)
                .matches("server \\(after the client's kill\\): kernel has not ended it; application EOF after \\d+\\.\\d+ s"));
        assertTrue(onFx(detections::isVisible));

        var view = window.app().view().timeline();
        robot.interact(view::showAll);
        var found = onFx(() -> {
            view.frame(window.app().session().lab().clock().now());
            double x = LaneGeometry.GUTTER + (view.getWidth() - LaneGeometry.GUTTER) * 0.6;
            for (double y = 0; y < view.getHeight(); y++) {
                if (view.hitAt(x, y) instanceof Hit.Bracket bracket) {
                    return bracket.detection();
                }
            }
            return null;
        });
        assertEquals(Side.SERVER, found == null ? null : found.side(), "the server's bracket, found where drawn");
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1024, 640", "1366, 768", "1440, 900"})
    void aLongStoryScrollsInsideTheWindowAndLeavesTheTimelineItsRoom(double width, double height) throws Exception {
        moreSentences = 30;
        window.resize(width, height);
        onFx(() -> {
            window.app().session().selectedConnProperty().set(0); // asked again: the long story
            window.app().session().selectedConnProperty().set(1);
            return null;
        });
        awaitSentences(33);
        window.resize(width, height);
        onFx(() -> {
            var scene = window.app().stage().getScene();
            var panel = scene.getRoot().lookup("#story-panel");
            assertInside(panel, scene.getWidth(), scene.getHeight());
            double timeline = scene.getRoot().lookup("#timeline").getLayoutBounds().getHeight();
            double story = panel.getLayoutBounds().getHeight();
            assertTrue(story <= 168, "the story's height is bounded: " + story);
            assertTrue(timeline >= 2.5 * story, "the timeline keeps its room: " + timeline + " px beside " + story);
            var sentences = (VBox) scene.getRoot().lookup("#story-sentences");
            assertTrue(sentences.getHeight() > story, "the sentences scroll inside: " + sentences.getHeight());
            return null;
        });
        moreSentences = 0;
    }

    @Test
    void closingTheWindowEndsTheExplainersThread() throws Exception {
        awaitSentences(3);
        assertTrue(WindowQueries.alive(List.of(Explainer.THREAD)), "explaining while the window is open");
        robot.interact(() -> window.app().stage().close());
        window.app().closed().get(5, TimeUnit.SECONDS);
        KillScenario.await(Duration.ofSeconds(5), "the explainer's thread to end",
                () -> !WindowQueries.alive(List.of(Explainer.THREAD)));
    }

    private List<Labeled> awaitSentences(int count) throws InterruptedException {
        KillScenario.await(Duration.ofSeconds(10), count + " sentences", () -> onFx(() -> sentences().size() >= count));
        return onFx(this::sentences);
    }

    private Labeled awaitSentence(String text) throws InterruptedException {
        KillScenario.await(Duration.ofSeconds(10), "the sentence " + text,
                () -> onFx(() -> sentences().stream().anyMatch(s -> s.getText().equals(text))));
        return onFx(() -> sentences().stream().filter(s -> s.getText().equals(text)).findFirst().orElseThrow());
    }

    private List<Labeled> sentences() {
        return robot.lookup(".story-sentence").queryAllAs(Labeled.class).stream().toList();
    }

    private static void assertInside(Node node, double width, double height) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= width && b.getMinY() >= 0 && b.getMaxY() <= height,
                () -> node + " at " + b + " outside the " + width + " × " + height + " window");
    }
}
