package vn.campaign.foundation.security;

/** Who made a change, as recorded in the data and in every event. */
public record Actor(String subject, String name) {
}
