package vn.campaign.commitment.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.commitment.mapping.MemberChangeView;
import vn.campaign.commitment.mapping.MemberView;
import vn.campaign.commitment.roster.Member;
import vn.campaign.commitment.roster.MemberChange;
import vn.campaign.commitment.roster.MemberCommands;
import vn.campaign.commitment.roster.MemberImportParser;
import vn.campaign.commitment.roster.MemberQueries;
import vn.campaign.commitment.roster.MemberService;
import vn.campaign.foundation.plans.MemberCategory;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.PageRequest.Part;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.foundation.web.QueryParams;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * The member roster. Cell secretaries and unit officers keep the roster of their subtree;
 * the commendation council may read it; a member reads their own entry.
 */
@Path("/api/v1/members")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Roster")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MemberResource {

    private static final String CSV = "text/csv";
    private static final String JSON_LINES = "application/x-ndjson";

    @Inject
    MemberService members;
    @Inject
    MemberQueries queries;
    @Inject
    Scope scope;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Add a member to the roster of a unit in your subtree")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "unknown unit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the external reference is on the roster already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull MemberCommands.NewMember request,
                           @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "a retry with the same key returns the first result") String idempotencyKey) {
        return idempotent.create(idempotencyKey, "member.create", request, () -> {
            Member member = members.create(request);
            return Response.created(URI.create("/api/v1/members/" + member.id)).tag(ETags.tag(member.version))
                    .entity(MemberView.of(member)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "The roster of a unit's subtree (default: yours), by name")
    public Page<MemberView> list(@QueryParam("unit") @Parameter(description = "a unit in your subtree") String unit,
                                 @QueryParam("category") @Parameter(description = "PARTY_MEMBER, CIVIL_SERVANT, UNION_MEMBER or CITIZEN") String category,
                                 @QueryParam("leader") @Parameter(description = "true or false") String leader,
                                 @QueryParam("exempt") @Parameter(description = "true or false") String exempt,
                                 @QueryParam("externalRef") String externalRef,
                                 @BeanParam PageRequest page) {
        if (externalRef != null && !externalRef.trim().matches(MemberCommands.REF_PATTERN)) {
            throw ProblemException.invalid("externalRef", MemberCommands.REF_MESSAGE);
        }
        String under = Params.underPath(scope, QueryParams.uuidOf("unit", unit));
        MemberQueries.Filter filter = new MemberQueries.Filter(QueryParams.enumOf(MemberCategory.class, "category", category),
                Params.bool("leader", leader), Params.bool("exempt", exempt), externalRef);
        int limit = page.limit();
        List<Member> rows = queries.list(under, filter, page.cursorValues(Part.TEXT, Part.UUID), limit);
        return Page.of(rows, limit, MemberView::of, m -> PageRequest.cursorOf(m.fullName, m.id));
    }

    @GET
    @Path("/me")
    @Operation(summary = "Your own roster entry (the member claim of your token)")
    @APIResponse(responseCode = "200", description = "your entry", content = @Content(schema = @Schema(implementation = MemberView.class)))
    public Response me() {
        Member member = members.me();
        return Responses.withETag(MemberView.of(member), member.version);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One roster entry; the ETag header carries its version for If-Match")
    @APIResponse(responseCode = "200", description = "the entry", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "no such member", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Member member = members.get(id);
        return Responses.withETag(MemberView.of(member), member.version);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Change name, category, leader flag or position title (logged)")
    @APIResponse(responseCode = "200", description = "the entry", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull MemberCommands.Changes request,
                           @HeaderParam("If-Match") String ifMatch) {
        Member member = members.update(id, request, ifMatch);
        return Responses.withETag(MemberView.of(member), member.version);
    }

    @PUT
    @Path("/{id}/exemption")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Exempt the member from writing commitments, with the reason")
    @APIResponse(responseCode = "200", description = "the entry", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exempt(@PathParam("id") UUID id, @Valid @NotNull MemberCommands.Exemption request,
                           @HeaderParam("If-Match") String ifMatch) {
        Member member = members.exempt(id, request, ifMatch);
        return Responses.withETag(MemberView.of(member), member.version);
    }

    @DELETE
    @Path("/{id}/exemption")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Lift the member's exemption")
    @APIResponse(responseCode = "200", description = "the entry", content = @Content(schema = @Schema(implementation = MemberView.class)))
    public Response liftExemption(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        Member member = members.liftExemption(id, ifMatch);
        return Responses.withETag(MemberView.of(member), member.version);
    }

    @POST
    @Path("/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Move the member to another unit (both in your subtree); the history keeps the old unit")
    @APIResponse(responseCode = "200", description = "the entry", content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response move(@PathParam("id") UUID id, @Valid @NotNull MemberCommands.Move request,
                         @HeaderParam("If-Match") String ifMatch) {
        Member member = members.move(id, request.unitId(), ifMatch);
        return Responses.withETag(MemberView.of(member), member.version);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the entry, oldest first: who, when, which fields from what to what, and moves")
    public Page<MemberChangeView> history(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        members.get(id);
        int limit = page.limit();
        List<MemberChange> rows = queries.history(id, page.cursorValues(Part.TEXT), limit);
        return Page.of(rows, limit, MemberChangeView::of, c -> PageRequest.cursorOf(c.seq));
    }

    @POST
    @Path("/import")
    @Consumes({CSV, JSON_LINES, "application/jsonl"})
    // not the integration role: portal tokens must not rewrite the roster
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Create or update roster entries by external reference, all or nothing: CSV with the header "
            + "externalRef,fullName,unitId or unitCode,category[,leader,positionTitle,exemption,exemptionReason], or JSON lines "
            + "with those fields. A bad row fails the import and is reported with its line (400); rows touching units outside "
            + "your subtree fail it with a 403; other columns are refused. An optional column left out keeps the member's "
            + "current value; present but blank clears it (exemption and exemptionReason go together). At most "
            + MemberImportParser.MAX_ROWS + " rows per import")
    @RequestBody(content = {@Content(mediaType = CSV, example = "externalRef,fullName,unitCode,category,leader,positionTitle\nDV-001,\"Nguyễn Văn An\",CB-MYPHU,PARTY_MEMBER,true,Bí thư chi bộ"),
            @Content(mediaType = JSON_LINES, example = "{\"externalRef\":\"DV-001\",\"fullName\":\"Nguyễn Văn An\",\"unitCode\":\"CB-MYPHU\",\"category\":\"PARTY_MEMBER\"}")})
    @APIResponse(responseCode = "200", description = "what the import did", content = @Content(schema = @Schema(implementation = MemberCommands.ImportResult.class)))
    public MemberCommands.ImportResult importRoster(@HeaderParam("Content-Type") String contentType, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "no rows to import");
        }
        List<MemberCommands.ImportRow> rows = contentType != null && contentType.startsWith(CSV)
                ? MemberImportParser.csv(body)
                : MemberImportParser.jsonLines(body, json);
        return members.importRows(rows);
    }
}
