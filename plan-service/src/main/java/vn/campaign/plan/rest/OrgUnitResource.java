package vn.campaign.plan.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.orgtree.OrgUnitKind;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.security.UnitPaths;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.QueryParams;
import vn.campaign.plan.mapping.OrgUnitView;
import vn.campaign.plan.orgtree.OrgUnit;
import vn.campaign.plan.orgtree.OrgUnitCommands;
import vn.campaign.plan.orgtree.OrgUnitImportParser;
import vn.campaign.plan.orgtree.OrgUnitQueries;
import vn.campaign.plan.orgtree.OrgUnitService;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The organisation tree. Reads cover the caller's subtree (and the names of the units above it).
 * Changes need {@code unit-officer} (or {@code admin}): officers create units under their own
 * unit and rename units of their subtree, their own included; moving, closing and merging a unit
 * takes an officer of a unit above it.
 */
@Path("/api/v1/org-units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MEMBER, Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.VIEWER,
        Roles.INTEGRATION, Roles.ADMIN})
@Tag(name = "Organisation tree")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OrgUnitResource {

    private static final PageRequest.Part TEXT = PageRequest.Part.TEXT;
    private static final PageRequest.Part INT = PageRequest.Part.INT;
    private static final PageRequest.Part UUID_PART = PageRequest.Part.UUID;

    private static final String CSV = "text/csv";
    private static final String JSON_LINES = "application/x-ndjson";

    @Inject
    OrgUnitService units;
    @Inject
    OrgUnitQueries queries;
    @Inject
    Scope scope;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Create a unit under a parent in your subtree (a root unit: admin only)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "409", description = "the code is taken or the parent is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull OrgUnitCommands.NewUnit request,
                           @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "a retry with the same key returns the first result") String idempotencyKey) {
        return idempotent.create(idempotencyKey, "org-unit.create", request, () -> {
            OrgUnit unit = units.create(request);
            return Response.created(URI.create("/api/v1/org-units/" + unit.id)).tag(ETags.tag(unit.version))
                    .entity(OrgUnitView.of(unit)).build();
        });
    }

    @GET
    @Operation(summary = "Search units by name (accent-insensitive) or code, within your subtree or under a unit")
    public Page<OrgUnitView> search(@QueryParam("q") @Parameter(description = "words of the name, e.g. 'tien giang', or an exact code") String q,
                                    @QueryParam("under") @Parameter(description = "unit id: search below it") String underParam,
                                    @QueryParam("kind") @Parameter(schema = @Schema(implementation = OrgUnitKind.class)) String kindParam,
                                    @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
                                    @BeanParam PageRequest page) {
        String text = QueryParams.textOf("q", q, 200);
        UUID under = QueryParams.uuidOf("under", underParam);
        OrgUnitKind kind = QueryParams.enumOf(OrgUnitKind.class, "kind", kindParam);
        String underPath = under != null ? UnitPaths.toLtree(scope.requireWithin(under))
                : scope.isAdmin() ? null : UnitPaths.toLtree(scope.callerPath());
        int limit = page.limit();
        List<OrgUnit> rows = queries.search(text, underPath, new OrgUnitQueries.Filter(kind, includeClosed), page.cursorValues(TEXT, UUID_PART), limit);
        return Page.of(rows, limit, OrgUnitView::of, u -> PageRequest.cursorOf(u.name, u.id));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One unit; the ETag header carries its version for If-Match")
    @APIResponse(responseCode = "200", description = "the unit", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    @APIResponse(responseCode = "404", description = "no such unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        scope.requireWithinOrAbove(id);
        return withETag(units.get(id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Rename a unit or change its kind")
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull OrgUnitCommands.UnitChanges request,
                           @HeaderParam("If-Match") String ifMatch) {
        return withETag(units.update(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Move a unit (with its subtree) under another parent")
    public Response move(@PathParam("id") UUID id, @Valid @NotNull OrgUnitCommands.Move request,
                         @HeaderParam("If-Match") String ifMatch) {
        return withETag(units.move(id, request.parentId(), ifMatch));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Close a unit that has no open units under it")
    public Response close(@PathParam("id") UUID id, @Valid OrgUnitCommands.Close request,
                          @HeaderParam("If-Match") String ifMatch) {
        return withETag(units.close(id, request, ifMatch));
    }

    @POST
    @Path("/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Merge units into a successor (existing or new): sources close on effectiveDate, "
            + "their open units move under the successor, which lists them as predecessors")
    @APIResponse(responseCode = "200", description = "the successor", content = @Content(schema = @Schema(implementation = OrgUnitView.class)))
    public Response merge(@Valid @NotNull OrgUnitCommands.Merge request,
                          @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "a retry with the same key returns the first result") String idempotencyKey) {
        return idempotent.create(idempotencyKey, "org-unit.merge", request, () -> withETag(units.merge(request)));
    }

    @GET
    @Path("/{id}/children")
    @Operation(summary = "The unit's direct children, by name")
    public Page<OrgUnitView> children(@PathParam("id") UUID id,
                                      @QueryParam("kind") @Parameter(schema = @Schema(implementation = OrgUnitKind.class)) String kindParam,
                                      @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
                                      @BeanParam PageRequest page) {
        scope.requireWithin(id);
        OrgUnitKind kind = QueryParams.enumOf(OrgUnitKind.class, "kind", kindParam);
        int limit = page.limit();
        List<OrgUnit> rows = queries.children(id, new OrgUnitQueries.Filter(kind, includeClosed), page.cursorValues(TEXT, UUID_PART), limit);
        return Page.of(rows, limit, OrgUnitView::of, u -> PageRequest.cursorOf(u.name, u.id));
    }

    @GET
    @Path("/{id}/subtree")
    @Operation(summary = "Every unit below the unit, level by level and by name")
    public Page<OrgUnitView> subtree(@PathParam("id") UUID id,
                                     @QueryParam("kind") @Parameter(schema = @Schema(implementation = OrgUnitKind.class)) String kindParam,
                                     @QueryParam("includeClosed") @DefaultValue("false") boolean includeClosed,
                                     @BeanParam PageRequest page) {
        scope.requireWithin(id);
        OrgUnitKind kind = QueryParams.enumOf(OrgUnitKind.class, "kind", kindParam);
        int limit = page.limit();
        List<OrgUnit> rows = queries.subtree(units.get(id), new OrgUnitQueries.Filter(kind, includeClosed),
                page.cursorValues(INT, TEXT, UUID_PART), limit);
        return Page.of(rows, limit, OrgUnitView::of, u -> PageRequest.cursorOf(OrgUnitQueries.depthOf(u), u.name, u.id));
    }

    @GET
    @Path("/{id}/ancestors")
    @Operation(summary = "The units above the unit, from the root down to its parent")
    public List<OrgUnitView> ancestors(@PathParam("id") UUID id) {
        scope.requireWithinOrAbove(id);
        return queries.ancestors(units.get(id)).stream().map(OrgUnitView::of).toList();
    }

    @POST
    @Path("/import")
    @Consumes({CSV, JSON_LINES, "application/jsonl"})
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Create or update a whole tree by code, all or nothing: CSV with the header "
            + "code,name,kind,parentCode,validFrom, or JSON lines with those fields")
    @RequestBody(content = {@Content(mediaType = CSV, example = "code,name,kind,parentCode,validFrom\nDT,Đảng bộ tỉnh Đồng Tháp,PARTY_COMMITTEE,,2025-07-01"),
            @Content(mediaType = JSON_LINES, example = "{\"code\":\"DT\",\"name\":\"Đảng bộ tỉnh Đồng Tháp\",\"kind\":\"PARTY_COMMITTEE\"}")})
    @APIResponse(responseCode = "200", description = "what the import did", content = @Content(schema = @Schema(implementation = OrgUnitCommands.ImportResult.class)))
    public OrgUnitCommands.ImportResult importTree(@HeaderParam("Content-Type") String contentType, String body) {
        if (body == null || body.isBlank()) {
            throw vn.campaign.foundation.web.ProblemException.invalid("body", "no rows to import");
        }
        List<OrgUnitCommands.ImportRow> rows = contentType != null && contentType.startsWith(CSV)
                ? OrgUnitImportParser.csv(body)
                : OrgUnitImportParser.jsonLines(body, json);
        return units.importRows(rows);
    }

    private static Response withETag(OrgUnit unit) {
        return Response.ok(OrgUnitView.of(unit)).tag(ETags.tag(unit.version)).build();
    }
}
