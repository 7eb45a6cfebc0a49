package vn.campaign.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.web.Problem;
import vn.campaign.reporting.events.Rebuild;

/** Rebuilding the figures from the topics (admin). */
@Path("/api/v1/dashboards/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Dashboards")
public class RebuildResource {

    @Inject
    Rebuild rebuild;

    @POST
    @Operation(summary = "Drop the figures and rebuild them by replaying the topics; reads meanwhile carry X-Rebuild-In-Progress: true")
    @APIResponse(responseCode = "202", description = "started", content = @Content(schema = @Schema(implementation = Rebuild.Status.class)))
    @APIResponse(responseCode = "409", description = "a rebuild is already running", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start() {
        return Response.accepted(rebuild.start()).build();
    }

    @GET
    @Operation(summary = "Where the last rebuild stands: state, events replayed, rate")
    public Rebuild.Status status() {
        return rebuild.status();
    }
}
