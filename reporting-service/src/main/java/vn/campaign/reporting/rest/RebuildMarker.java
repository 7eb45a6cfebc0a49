package vn.campaign.reporting.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import vn.campaign.reporting.events.Rebuild;

/** While the figures are being rebuilt, every dashboard answer says so: its numbers are partial. */
public class RebuildMarker {

    @Inject
    Rebuild rebuild;

    @ServerResponseFilter
    public void mark(ContainerRequestContext request, ContainerResponseContext response) {
        if (rebuild.running() && request.getUriInfo().getPath().startsWith("/api/v1/dashboards")) {
            response.getHeaders().putSingle("X-Rebuild-In-Progress", "true");
        }
    }
}
