package org.evi4j.transport.virtual.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.evi4j.spi.Destination;
import org.evi4j.spi.OutgoingEvent;
import org.evi4j.spi.SendResult;

/**
 * A virtual subscriber: its policy and members, the round-robin turn, and its texts. Listed as OpenSIPS lists it
 * ({@code POLICY member member}, one space apart, plus a trailing space when the socket ended with blanks or has no
 * member); told apart from others as OpenSIPS matches them: the same policy and members, in any order for PARALLEL,
 * in order for the others, without regard to blanks.
 */
final class VirtualDestination implements Destination {

    private static final SendResult NO_MEMBERS = SendResult.failed("virtual socket has no members");

    private final Policy policy;
    private final Member[] members;
    private final String address;
    private final String shown;
    private final String identity;
    private final AtomicInteger turn = new AtomicInteger();

    VirtualDestination(VirtualSocket socket, List<Member> members) {
        this.policy = socket.policy();
        this.members = members.toArray(new Member[0]);
        String[] full = members.stream().map(Member::socket).toArray(String[]::new);
        // a member is one word: a nested virtual member with no members of its own is listed without its space
        String[] listed = members.stream().map(m -> m.shownSocket().strip()).toArray(String[]::new);
        this.address = text(full, false);
        this.shown = text(listed, socket.endsWithBlank() || listed.length == 0);
        if (policy == Policy.PARALLEL) {
            Arrays.sort(listed);
        }
        this.identity = text(listed, false);
    }

    private String text(String[] sockets, boolean trailingSpace) {
        String joined = policy.text + ' ' + String.join(" ", sockets);
        return trailingSpace && sockets.length > 0 ? joined + ' ' : joined;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String shownAddress() {
        return shown;
    }

    @Override
    public String identity() {
        return identity;
    }

    /**
     * Sends the event as the policy says; every member send is counted through the members' reports.
     *
     * @return {@link SendResult#PENDING} when a member took it (counted already), failed when none did
     */
    SendResult send(OutgoingEvent event, long now, int failoverTimeout) {
        if (members.length == 0) {
            return NO_MEMBERS;
        }
        boolean taken = switch (policy) {
            case PARALLEL -> parallel(event);
            case FAILOVER -> firstTaker(event, 0, now, failoverTimeout) >= 0;
            case ROUND_ROBIN -> roundRobin(event, now, failoverTimeout);
        };
        return taken ? SendResult.PENDING
                : SendResult.failed("unable to raise any socket for event: " + event.event().name());
    }

    /** Every member, whatever the others did (OpenSIPS stops at the first failure: not copied). */
    private boolean parallel(OutgoingEvent event) {
        boolean any = false;
        for (Member m : members) {
            any |= m.send(event);
        }
        return any;
    }

    /**
     * Tries the members from {@code start} on, wrapping, each at most once, skipping those resting after a failure.
     *
     * @return the index of the member that took the event, or -1
     */
    private int firstTaker(OutgoingEvent event, int start, long now, int failoverTimeout) {
        for (int k = 0; k < members.length; k++) {
            int i = (start + k) % members.length;
            Member m = members[i];
            if (!m.resting(now, failoverTimeout) && m.send(event)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * One member per event, in turn; a member that fails passes the event and its turn to the next (OpenSIPS
     * retries the failing member with every later event and delivers nothing meanwhile: not copied).
     */
    private boolean roundRobin(OutgoingEvent event, long now, int failoverTimeout) {
        int taker = firstTaker(event, Math.floorMod(turn.get(), members.length), now, failoverTimeout);
        if (taker < 0) {
            return false;
        }
        turn.set(taker + 1);
        return true;
    }

    /** Closes every member's route. */
    void close() {
        for (Member m : members) {
            m.close();
        }
    }

    @Override
    public String toString() {
        return "virtual:" + shown;
    }
}
