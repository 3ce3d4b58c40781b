package org.keepalivelab.ui;

import static org.keepalivelab.ui.Fx.onFx;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.Isolation;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.model.AppEventType;
import org.keepalivelab.model.Side;
import org.keepalivelab.ui.timeline.ConnectionLane;
import org.testfx.api.FxToolkit;

/**
 * A Keepalive Lab window for each test, on the toolkit TestFX starts (JavaFX's Headless platform in
 * Maven's runs): opened before the test at {@value #WIDTH} × {@value #HEIGHT}, the size the window tests
 * were written for (a new window fits the screen, and the Headless platform's is 1000 × 1000), closed after
 * it, which stops its lab. {@link #asPlaced} leaves it as the app placed it.
 */
final class LabWindow implements BeforeEachCallback, AfterEachCallback {
    static final double WIDTH = 1440;
    static final double HEIGHT = 900;

    private final Supplier<LabApp> factory;
    private final boolean resized;
    private final boolean greeted;
    private LabApp app;

    LabWindow(Supplier<LabApp> factory) {
        this(factory, true, false);
    }

    private LabWindow(Supplier<LabApp> factory, boolean resized, boolean greeted) {
        this.factory = factory;
        this.resized = resized;
        this.greeted = greeted;
    }

    /** A window left as the app placed it, for the tests of its placement. */
    static LabWindow asPlaced(Supplier<LabApp> factory) {
        return new LabWindow(factory, false, false);
    }

    /** A window on the host with {@link KillScenario#SETTINGS}, its test begun once the seed's greeting is read. */
    static LabWindow killScenario() {
        return new LabWindow(() -> new LabApp(KillScenario.SETTINGS, Isolation.HOST), true, true);
    }

    /**
     * A window as {@link #killScenario()}, whose explanations {@code rules} make from the lab's real facts:
     * a test's own explanations, while the explanation's rules are built elsewhere.
     */
    static LabWindow killScenario(Function<ConnectionFacts, Explanation> rules) {
        return new LabWindow(() -> new LabApp(KillScenario.SETTINGS, Isolation.HOST, rules), true, true);
    }

    LabApp app() {
        return app;
    }

    /** The lane of connection {@code conn} on the window's timeline, or null before it has one; FX thread. */
    ConnectionLane lane(int conn) {
        return app.view().model().lane(conn, false).orElse(null);
    }

    /** Waits until the seed connection's "howdy" has reached the server, with the connection selected. */
    void awaitSeedGreeting() throws InterruptedException {
        KillScenario.await(Duration.ofSeconds(10), "the seed's howdy to reach the server", () -> onFx(() -> {
            var lane = lane(1);
            var selected = app.session().selectedProperty().get();
            return lane != null && WindowQueries.appTypes(lane, Side.SERVER).contains(AppEventType.READ)
                    && selected != null && selected.clientHeld();
        }));
    }

    /** Chooses the scenario {@code name} in the Scenarios menu and waits for the window to show its fresh lab. */
    Lab chooseScenario(String name) throws InterruptedException {
        var before = onFx(() -> app.session().lab());
        onFx(() -> {
            var menu = (MenuButton) app.stage().getScene().lookup("#scenario-menu");
            WindowQueries.menuItem(menu, "scenario-" + name).fire();
            return null;
        });
        KillScenario.await(Duration.ofSeconds(10), "the scenario " + name + "'s lab in the window",
                () -> onFx(() -> app.session().lab() != before
                        && app.stage().getScene().lookup("#scenario-heading").isVisible()));
        return onFx(() -> app.session().lab());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false); // the next test's window opens on the same toolkit
        app = (LabApp) FxToolkit.setupApplication(factory::get);
        if (resized) {
            resize(WIDTH, HEIGHT);
        }
        if (greeted) {
            awaitSeedGreeting();
        }
    }

    /** Resizes the window; once its scene has taken the size, lays the content out again. */
    void resize(double width, double height) throws InterruptedException {
        onFx(() -> {
            app.stage().setWidth(width);
            app.stage().setHeight(height);
            return null;
        });
        var scene = onFx(() -> app.stage().getScene());
        KillScenario.await(Duration.ofSeconds(5), "the scene to be " + width + " × " + height,
                () -> onFx(() -> scene.getWidth() == width && scene.getHeight() == height));
        onFx(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return null;
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
    }
}
