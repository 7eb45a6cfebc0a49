package vn.campaign.recognition.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.QueryParams;
import vn.campaign.recognition.award.Award;
import vn.campaign.recognition.award.AwardService;
import vn.campaign.recognition.mapping.AwardView;

import java.net.URI;
import java.util.UUID;

/**
 * Award decisions (quyết định khen thưởng), including praises recorded from cell meetings. Viewers
 * read none of this (recipients' names and achievements, unpublished awards too): SPEC §6 gives
 * them aggregates only.
 */
@Path("/api/v1/awards")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Awards")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AwardResource {

    @Inject
    AwardService awards;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMENDATION_COUNCIL, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record an award decision of your unit: from nominations it approved, or directly")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = AwardView.class)))
    public Response create(@Valid @NotNull AwardService.AwardRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "award.create", request, () -> {
            Award award = awards.create(request);
            return Response.created(URI.create("/api/v1/awards/" + award.id)).tag(ETags.tag(award.version)).entity(AwardView.of(award)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Awards granted within a unit's subtree (yours by default)")
    public Page<AwardView> list(@QueryParam("unit") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
                                @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
                                @QueryParam("form") @Parameter(schema = @Schema(implementation = RecognitionForm.class)) String formParam,
                                @QueryParam("origin") @Parameter(schema = @Schema(implementation = Award.Origin.class)) String originParam,
                                @BeanParam PageRequest page) {
        UUID unit = QueryParams.uuidOf("unit", unitParam);
        Integer year = QueryParams.intOf("year", yearParam, 2000, 2100);
        RecognitionForm form = QueryParams.enumOf(RecognitionForm.class, "form", formParam);
        Award.Origin origin = QueryParams.enumOf(Award.Origin.class, "origin", originParam);
        int limit = page.limit();
        return Page.of(awards.list(unit, year, form, origin, page.cursorValues(PageRequest.Part.DATE, PageRequest.Part.UUID), limit),
                limit, AwardView::of, a -> PageRequest.cursorOf(a.decidedOn, a.id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "One award")
    public Response get(@PathParam("id") UUID id) {
        Award award = awards.visible(id);
        return Response.ok(AwardView.of(award)).tag(ETags.tag(award.version)).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.COMMENDATION_COUNCIL, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Put the award on the public feed (name, unit and achievement of each recipient)")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Award award = awards.publish(id, ifMatch);
        return Response.ok(AwardView.of(award)).tag(ETags.tag(award.version)).build();
    }
}
