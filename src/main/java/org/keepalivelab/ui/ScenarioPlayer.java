package org.keepalivelab.ui;

import java.util.function.Consumer;
import org.keepalivelab.lab.Lab;
import org.keepalivelab.lab.Script;

/**
 * Plays a scenario's steps against its lab at their times, on a thread of its own ({@link Script#run}
 * sleeps between them and waits for each step's outcome; the FX thread never does). It ends after the
 * script's {@code until} or timeout; the lab runs on, live, for as long as the window shows it.
 */
final class ScenarioPlayer {
    static final String ROLE = "scenario-player";

    private final Thread thread;

    private ScenarioPlayer(Thread thread) {
        this.thread = thread;
    }

    /**
     * Starts playing {@code script} against {@code lab}.
     *
     * @param failed takes why a step failed, in the lab's words (on the player's thread)
     */
    static ScenarioPlayer play(Lab lab, Script script, Consumer<String> failed) {
        return new ScenarioPlayer(Thread.ofPlatform().name(lab.threadName(ROLE)).daemon().start(() -> {
            try {
                script.run(lab);
            } catch (InterruptedException e) {
                // stopped: the lab is being closed
            } catch (RuntimeException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    failed.accept(LabSession.words(e));
                }
            }
        }));
    }

    /** Stops playing and waits until the thread has ended: before the lab it plays on is closed. */
    void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
