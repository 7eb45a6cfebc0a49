package vn.campaign.foundation.inbox;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether the application is stopping. The consumers deliver records until the connector closes,
 * while Hibernate and the connection pool are already closing: an event failing then says nothing
 * about the event, so it is not dead-lettered but left unacknowledged, to come again after the
 * restart ({@link StoppingException}).
 */
@ApplicationScoped
public class Stopping {

    private volatile boolean stopping;

    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    public boolean now() {
        return stopping;
    }

    /** Set by the shutdown; tests set and clear it. */
    public void set(boolean value) {
        stopping = value;
    }

    /** A failure to apply an event while the application stops: the record stays unacknowledged. */
    public static final class StoppingException extends RuntimeException {
        public StoppingException(String what, Throwable cause) {
            super("the application is stopping; " + what + " stays unacknowledged and comes again after the restart", cause);
        }
    }
}
