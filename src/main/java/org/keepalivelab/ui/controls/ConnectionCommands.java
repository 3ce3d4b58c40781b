package org.keepalivelab.ui.controls;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.keepalivelab.lab.ConnectionStatus;
import org.keepalivelab.lab.Sever;
import org.keepalivelab.model.Action;

/**
 * What the {@link ActionBar} acts on: the lab's connections as last sampled, the one selected, and the
 * commands on it, each completing once the lab has run it. The window's session gives them; the bar
 * needs no more of it.
 */
public interface ConnectionCommands {
    ReadOnlyObjectProperty<List<ConnectionStatus>> connectionsProperty();

    /** The connection the commands act on (0: none yet). */
    IntegerProperty selectedConnProperty();

    /** The selected connection as last sampled, or {@code null}. */
    ReadOnlyObjectProperty<ConnectionStatus> selectedProperty();

    /** Opens a connection (or several at once) with the current settings and selects it. */
    CompletableFuture<Integer> connect();

    /** The selected connection's client writes {@code bytes} bytes. */
    CompletableFuture<Void> send(int bytes);

    /** Carries out {@code action} on the selected connection: a close, kill or abort on either side, a half-close. */
    CompletableFuture<Void> act(Action.OnConnection action);

    CompletableFuture<Void> sever(Sever sever);

    CompletableFuture<Void> restore();
}
