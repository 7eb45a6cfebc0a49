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
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.QueryParams;
import vn.campaign.recognition.mapping.ModelView;
import vn.campaign.recognition.model.Model;
import vn.campaign.recognition.model.ModelService;
import vn.campaign.recognition.model.ModelStatus;

import java.net.URI;
import java.util.UUID;

/** Models and good practices (mô hình, cách làm hay) and their replication (nhân rộng). */
@Path("/api/v1/models")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Models")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ModelResource {

    @Inject
    ModelService models;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Register a model of a unit in your subtree (PROPOSED)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = ModelView.class)))
    public Response register(@Valid @NotNull ModelService.ModelRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "model.register", request, () -> {
            Model m = models.register(request);
            return Response.created(URI.create("/api/v1/models/" + m.id)).tag(ETags.tag(m.version)).entity(ModelView.of(m)).build();
        });
    }

    @GET
    @Operation(summary = "Search models accent-insensitively: recognised ones anywhere, proposed ones in your subtree")
    public Page<ModelView> search(@QueryParam("q") @Parameter(description = "part of the name; 'dan van' finds 'Dân vận'") String q,
                                  @QueryParam("unit") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
                                  @QueryParam("status") @Parameter(schema = @Schema(implementation = ModelStatus.class)) String statusParam,
                                  @QueryParam("year") @Parameter(description = "year of recognition", schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
                                  @BeanParam PageRequest page) {
        String text = QueryParams.textOf("q", q, 200);
        UUID unit = QueryParams.uuidOf("unit", unitParam);
        ModelStatus status = QueryParams.enumOf(ModelStatus.class, "status", statusParam);
        Integer year = QueryParams.intOf("year", yearParam, 2000, 2100);
        int limit = page.limit();
        return Page.of(models.search(text, unit, status, year, page.cursorValues(PageRequest.Part.TEXT, PageRequest.Part.UUID), limit),
                limit, ModelView::of, m -> PageRequest.cursorOf(m.name, m.id));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One model")
    public Response get(@PathParam("id") UUID id) {
        Model m = models.visible(id);
        return Response.ok(ModelView.of(m)).tag(ETags.tag(m.version)).build();
    }

    @POST
    @Path("/{id}/recognise")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Recognise a proposed model (commendation council of its unit or a unit above)")
    public Response recognise(@PathParam("id") UUID id, @Valid ModelService.RecognitionRequest request, @HeaderParam("If-Match") String ifMatch) {
        Model m = models.recognise(id, request == null ? null : request.year(), ifMatch);
        return Response.ok(ModelView.of(m)).tag(ETags.tag(m.version)).build();
    }

    @POST
    @Path("/{id}/replications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Record that a unit of your subtree replicated a recognised model")
    @APIResponse(responseCode = "201", description = "recorded", content = @Content(schema = @Schema(implementation = ModelView.class)))
    public Response replicate(@PathParam("id") UUID id, @Valid @NotNull ModelService.ReplicationRequest request) {
        Model m = models.replicate(id, request);
        return Response.status(201).tag(ETags.tag(m.version)).entity(ModelView.of(m)).build();
    }

    @GET
    @Path("/{id}/replications")
    @Operation(summary = "The units that replicated a model")
    public Page<ModelService.Replication> replications(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        int limit = page.limit();
        return Page.of(models.replications(id, page.cursorValues(PageRequest.Part.TEXT, PageRequest.Part.UUID), limit), limit,
                r -> r, r -> PageRequest.cursorOf(r.unitName(), r.unitId()));
    }
}
