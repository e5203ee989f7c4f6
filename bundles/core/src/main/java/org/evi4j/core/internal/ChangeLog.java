package org.evi4j.core.internal;

/**
 * Where the engine's subscription changes are made durable before they are answered: every subscribe, refresh and
 * unsubscribe goes through {@link #commit}. The change is made in memory, one at a time, in the order of its
 * record; the caller gets its answer once the record is on stable storage; when it cannot be, the change (and any
 * made after it that was not durable either) is undone exactly, in reverse order, and the caller gets a
 * {@link org.evi4j.api.StorageException}.
 */
interface ChangeLog {

    /** No persistence: a change counts at once. */
    ChangeLog MEMORY = new ChangeLog() {
        @Override
        public <T> T commit(Change<T> change) {
            Applied<T> applied = change.apply();
            applied.durable().run();
            return applied.result();
        }
    };

    /**
     * Makes a change and returns once it is durable.
     *
     * @throws org.evi4j.api.StorageException when it could not be made durable; it was undone
     */
    <T> T commit(Change<T> change);

    /** A change of the in-memory subscriptions. */
    @FunctionalInterface
    interface Change<T> {
        /** Makes the change (its checks may throw: then nothing changed) and says how to record and undo it. */
        Applied<T> apply();
    }

    /**
     * A change made in memory.
     *
     * @param result  what the caller gets
     * @param record  what the journal keeps, or {@code null} when nothing changed
     * @param undo    puts memory back exactly as before the change
     * @param durable what to do once the change is durable (give back what it replaced)
     */
    record Applied<T>(T result, JournalRecord record, Runnable undo, Runnable durable) {

        private static final Runnable NOTHING = () -> { };

        static <T> Applied<T> unchanged(T result) {
            return new Applied<>(result, null, NOTHING, NOTHING);
        }

        static <T> Applied<T> changed(T result, JournalRecord record, Runnable undo, Runnable durable) {
            return new Applied<>(result, record, undo, durable == null ? NOTHING : durable);
        }
    }
}
