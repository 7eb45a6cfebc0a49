package vn.campaign.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.QueryParams;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.campaign.plan.mapping.TopicView;
import vn.campaign.plan.topic.Topic;
import vn.campaign.plan.topic.TopicService;

import java.net.URI;
import java.util.UUID;

/** Topics (chuyên đề), term-wide and annual. */
@Path("/api/v1/topics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MEMBER, Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.VIEWER,
        Roles.INTEGRATION, Roles.ADMIN})
@Tag(name = "Topics")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TopicResource {

    @Inject
    TopicService topics;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Create a topic for your unit")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = TopicView.class)))
    public Response create(@Valid @NotNull TopicService.TopicRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "topic.create", request, () -> {
            Topic topic = topics.create(request);
            return Response.created(URI.create("/api/v1/topics/" + topic.id)).tag(ETags.tag(topic.version)).entity(TopicView.of(topic)).build();
        });
    }

    @GET
    @Operation(summary = "Topics visible to you, optionally those covering a year")
    public Page<TopicView> list(@QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
                                @QueryParam("kind") @Parameter(schema = @Schema(implementation = Topic.Kind.class)) String kindParam,
                                @BeanParam PageRequest page) {
        Integer year = QueryParams.intOf("year", yearParam, 2000, 2100);
        Topic.Kind kind = QueryParams.enumOf(Topic.Kind.class, "kind", kindParam);
        int limit = page.limit();
        return Page.of(topics.list(year, kind, page.cursorValues(PageRequest.Part.INT, PageRequest.Part.TEXT, PageRequest.Part.UUID), limit),
                limit, TopicView::of,
                t -> PageRequest.cursorOf(t.startYear, t.title, t.id));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One topic")
    public Response get(@PathParam("id") UUID id) {
        Topic topic = topics.visible(id);
        return Response.ok(TopicView.of(topic)).tag(ETags.tag(topic.version)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Replace a topic; If-Match guards against lost updates")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull TopicService.TopicRequest request, @HeaderParam("If-Match") String ifMatch) {
        Topic topic = topics.update(id, request, ifMatch);
        return Response.ok(TopicView.of(topic)).tag(ETags.tag(topic.version)).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Delete a topic no plan or annual topic uses")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        topics.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
