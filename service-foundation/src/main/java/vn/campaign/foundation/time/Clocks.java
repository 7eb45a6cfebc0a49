package vn.campaign.foundation.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock that decides "late" and stamps changes. A bean rather than {@code Instant.now()} so
 * tests can move past a due date without waiting; they replace it with their own {@link Clock}.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(CampaignDates.ZONE);
    }
}
