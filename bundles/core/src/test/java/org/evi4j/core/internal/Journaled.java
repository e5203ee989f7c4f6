package org.evi4j.core.internal;

import java.nio.file.Path;

import org.evi4j.testkit.TestClock;

/**
 * An engine over a real journal in a folder, started as the component starts it (load, restore, open) and stopped
 * as it stops it; {@link #restart} is the next start on the same folder.
 */
final class Journaled implements AutoCloseable {

    final Path dir;
    final Fixture f;
    final JournalLog journal;
    private final Settings settings;
    private final int compactAfter;

    Journaled(Path dir) {
        this(dir, Settings.defaults(), Fixture.START, 10_000);
    }

    Journaled(Path dir, Settings settings, long nowMillis, int compactAfter) {
        this.dir = dir;
        this.settings = settings;
        this.compactAfter = compactAfter;
        TestClock clock = new TestClock(nowMillis);
        journal = new JournalLog(dir, clock, 0, compactAfter);
        f = new Fixture(settings, clock, journal);
        journal.open(f.engine.restore(journal.load()));
    }

    /** Stops this one and starts another on the same folder, {@code laterSeconds} after this one's time. */
    Journaled restart(long laterSeconds) {
        close();
        return new Journaled(dir, settings, f.clock.millis() + laterSeconds * 1000, compactAfter);
    }

    /** Starts another on the same folder without stopping this one: what a restart after kill -9 sees. */
    Journaled crashRestart(Settings next) {
        return new Journaled(dir, next, f.clock.millis(), compactAfter);
    }

    @Override
    public void close() {
        journal.close();
        f.engine.close();
    }
}
