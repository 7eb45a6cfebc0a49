package vn.campaign.foundation.events;

/** A message that can never be processed; it goes to the channel's dead-letter topic with this reason. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
