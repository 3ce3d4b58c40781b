package org.keepalivelab.ui.controls;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import org.keepalivelab.lab.Scenario;

/**
 * The Scenarios menu: each scenario of the gallery by its name and its question in the user's words.
 * Choosing one hands it to the window, which starts it in a fresh lab. Where the lab cannot set its own
 * sysctls, an item whose scenario needs some says, in its text, that it runs with the kernel's values.
 * Alt+S opens it (its mnemonic); the arrow keys and Enter choose.
 */
public final class ScenarioMenu extends MenuButton {

    /**
     * @param sysctlProblem why the lab cannot set its own sysctls ({@code LabKernel#problem()}), or empty
     * @param chosen        takes the scenario chosen, on the FX thread
     */
    public ScenarioMenu(List<Scenario> scenarios, Optional<String> sysctlProblem, Consumer<Scenario> chosen) {
        super("_Scenarios");
        setId("scenario-menu");
        setMnemonicParsing(true);
        setMinWidth(USE_PREF_SIZE);
        for (var scenario : scenarios) {
            var item = new MenuItem(itemText(scenario, sysctlProblem.isPresent()));
            item.setId("scenario-" + scenario.name());
            item.setMnemonicParsing(false); // names and questions hold underscores: tcp_retries2, SO_LINGER
            item.setOnAction(e -> chosen.accept(scenario));
            getItems().add(item);
        }
    }

    /** "abort — The client aborted (SO_LINGER 0): what does the server see?", marked where its sysctls cannot be set. */
    static String itemText(Scenario scenario, boolean sysctlsRefused) {
        var text = scenario.name() + " — " + scenario.question();
        if (!sysctlsRefused || scenario.sysctls().isEmpty()) {
            return text;
        }
        return text + "  (here with the kernel's " + scenario.sysctls().stream().map(s -> s.sysctl().shortName())
                .collect(Collectors.joining(", ")) + ")";
    }
}
