package org.keepalivelab.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.keepalivelab.explain.ConnectionFacts;
import org.keepalivelab.explain.Explanation;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.LabException;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.lab.SideStatus;
import org.keepalivelab.linux.KernelSettings;
import org.keepalivelab.model.Action;
import org.keepalivelab.ui.controls.ConnectionCommands;
import org.keepalivelab.ui.settings.KernelDefaults;
import org.keepalivelab.ui.story.Explainer;

/**
 * The window's view of the lab: the connections as last sampled, the kernel's settings as the lab last
 * published them (its start's, then each the Lab kernel card or a scenario set), the selected connection and
 * its explanation, and the commands, which run on the lab's thread and report back on the FX thread (a failure becomes
 * {@link #messageProperty()}, in the lab's own words). The FX thread never waits for the lab, nor for
 * an explanation: those are made on the explainer's thread ({@link Explainer}).
 */
public final class LabSession implements ConnectionCommands, AutoCloseable {
    private final Lab lab;
    /** The kernel's settings as the lab published them when last sampled; FX thread. */
    private KernelSettings kernel;
    private final ReadOnlyObjectWrapper<KernelDefaults> defaults;
    private final ReadOnlyObjectWrapper<List<ConnectionStatus>> connections =
            new ReadOnlyObjectWrapper<>(this, "connections", List.of());
    private final IntegerProperty selectedConn = new SimpleIntegerProperty(this, "selectedConn", 0);
    private final IntegerProperty clientsPerConnect = new SimpleIntegerProperty(this, "clientsPerConnect", 1);
    private final ReadOnlyObjectWrapper<ConnectionStatus> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final Function<ConnectionFacts, Explanation> rules;
    private final Explainer<ConnectionStatus> explainer;
    /** What the last request for an explanation was made of: the same again asks nothing. */
    private Asked asked;

    /**
     * The connection, its events' count, its status without its countdowns and the kernel's settings, as an
     * explanation was asked of.
     */
    private record Asked(int conn, int events, ConnectionStatus status, KernelSettings kernel) {
    }

    public LabSession(Lab lab) {
        this(lab, Explanation::of);
    }

    /** A session whose explanations {@code rules} make: {@code Explanation::of}, or a test's own. */
    LabSession(Lab lab, Function<ConnectionFacts, Explanation> rules) {
        this.lab = lab;
        var published = lab.kernel().latest();
        this.kernel = published;
        this.defaults = new ReadOnlyObjectWrapper<>(this, "defaults", KernelDefaults.of(published));
        this.rules = rules;
        this.explainer = Explainer.ofLab(lab.timeline(), lab.clock()::now, () -> lab.connections().size(),
                lab.kernel()::latest, rules, Platform::runLater, this::explained,
                failure -> message.set("The story could not be told: " + words(failure)));
        selectedConn.addListener((obs, was, is) -> {
            updateSelected();
            explanation.set(null); // not another connection's story meanwhile
            asked = null;
        });
    }

    public Lab lab() {
        return lab;
    }

    /** The kernel defaults a setting of 0 stands for, as the lab last published them. */
    public KernelDefaults defaults() {
        return defaults.get();
    }

    /** {@link #defaults()}, changing when the Lab kernel card sets a sysctl. */
    public ReadOnlyObjectProperty<KernelDefaults> defaultsProperty() {
        return defaults.getReadOnlyProperty();
    }

    /** What makes the explanations: a capture the window opens is explained by the same rules. */
    Function<ConnectionFacts, Explanation> rules() {
        return rules;
    }

    /** Samples the lab's connections and kernel settings (cheap: the lab publishes them); FX thread. */
    public void refresh() {
        var published = lab.kernel().latest();
        if (!published.equals(kernel)) {
            kernel = published;
            defaults.set(KernelDefaults.of(published));
        }
        var now = lab.connections();
        if (!now.equals(connections.get())) {
            connections.set(List.copyOf(now));
            if (selectedConn.get() == 0 && !now.isEmpty()) {
                selectedConn.set(now.getLast().conn());
            }
            updateSelected();
        }
    }

    private void updateSelected() {
        int conn = selectedConn.get();
        selected.set(connections.get().stream().filter(c -> c.conn() == conn).findFirst().orElse(null));
    }

    /**
     * Asks for the selected connection's explanation when it may have changed: its events (it has
     * {@code events} on the timeline now), its kernel's state, not the countdowns of its timers, or the
     * kernel's settings the lab published. The explainer coalesces what comes faster than it runs. FX thread.
     */
    public void explainSelected(int events) {
        var status = selected.get();
        if (status == null) {
            return;
        }
        var now = new Asked(status.conn(), events, new ConnectionStatus(status.conn(), status.clientPort(),
                status.settings(), status.label(), status.clientApp(), status.serverApp(), status.serverEnded(),
                withoutTimes(status.client()), withoutTimes(status.server()), status.severed()), kernel);
        if (!now.equals(asked)) {
            asked = now;
            explainer.request(status);
        }
    }

    private static SideStatus withoutTimes(SideStatus s) {
        return new SideStatus(s.state(), s.probes(), s.orphan(), s.timer(), 0, 0);
    }

    private void explained(Explanation made) {
        if (made.story().conn() == selectedConn.get()) {
            explanation.set(made);
        }
    }

    /** The selected connection's explanation, as last made; null until it has one. */
    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Stops explaining: the explainer's thread ends. */
    @Override
    public void close() {
        explainer.close();
    }

    public ReadOnlyObjectProperty<List<ConnectionStatus>> connectionsProperty() {
        return connections.getReadOnlyProperty();
    }

    /** The connection the commands act on (0: none yet). */
    public IntegerProperty selectedConnProperty() {
        return selectedConn;
    }

    /** The selected connection as last sampled, or {@code null}. */
    public ReadOnlyObjectProperty<ConnectionStatus> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The latest failure, for the user; empty when the last command succeeded. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Tells the user {@code words}, as a failed command's message is told. */
    void tell(String words) {
        message.set(words);
    }

    public void clearMessage() {
        message.set("");
    }

    public Optional<String> captureProblem() {
        return lab.captureProblem();
    }

    /**
     * Opens {@link #clientsPerConnectProperty()} connections at once with the current settings and
     * selects the first; completes with its number.
     */
    public CompletableFuture<Integer> connect() {
        var opened = new ArrayList<CompletableFuture<Integer>>();
        for (int i = 0; i < clientsPerConnect.get(); i++) {
            opened.add(run(lab::connect));
        }
        return CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new)).thenApply(done -> {
            int conn = opened.getFirst().join();
            Platform.runLater(() -> {
                refresh();
                selectedConn.set(conn);
            });
            return conn;
        });
    }

    /** How many clients the next Connect opens at once ({@link Lab#CLIENTS_PER_CONNECT}). */
    public IntegerProperty clientsPerConnectProperty() {
        return clientsPerConnect;
    }

    /** Opens a connection and has its client write {@code bytes} bytes: the seed's opening. */
    public CompletableFuture<Void> connectAndSend(int bytes) {
        return connect().thenCompose(conn -> run(() -> lab.send(conn, bytes)));
    }

    public CompletableFuture<Void> send(int bytes) {
        return onSelected(conn -> lab.send(conn, bytes));
    }

    public CompletableFuture<Void> act(Action.OnConnection action) {
        return onSelected(conn -> lab.act(conn, action));
    }

    public CompletableFuture<Void> sever(Sever sever) {
        return onSelected(conn -> lab.sever(conn, sever));
    }

    public CompletableFuture<Void> restore() {
        return onSelected(lab::restore);
    }

    /** Runs a command on the connection selected now (the selection may change before the lab runs it). */
    private CompletableFuture<Void> onSelected(IntFunction<CompletableFuture<Void>> command) {
        int conn = selectedConn.get();
        return run(() -> command.apply(conn));
    }

    private <T> CompletableFuture<T> run(Supplier<CompletableFuture<T>> command) {
        clearMessage();
        CompletableFuture<T> future;
        try {
            future = command.get();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        return future.whenComplete((result, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                message.set(words(failure));
            }
            refresh();
        }));
    }

    /** A failure in the user's words: the lab's message, never a stack trace. */
    static String words(Throwable failure) {
        var cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof LabException || cause.getMessage() != null && !cause.getMessage().isBlank()) {
            return cause.getMessage();
        }
        return "The lab could not do that (" + cause.getClass().getSimpleName() + ").";
    }
}
