package vn.campaign.recognition.rest;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import vn.campaign.foundation.recognition.NomineeType;
import vn.campaign.foundation.recognition.RecognitionForm;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.foundation.web.QueryParams;
import vn.campaign.recognition.mapping.NominationView;
import vn.campaign.recognition.nomination.CandidateQueries;
import vn.campaign.recognition.nomination.Nomination;
import vn.campaign.recognition.nomination.NominationService;
import vn.campaign.recognition.nomination.NominationStatus;
import vn.campaign.recognition.nomination.NomineeDirectory;
import vn.campaign.recognition.nomination.RestrictionService;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Nominations (đề nghị biểu dương, khen thưởng), their lifecycle, nominees and candidates. Only the
 * roles that propose, review and decide read them: evidence cites members' personal commitments.
 */
@Path("/api/v1/nominations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Nominations")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "not allowed in the nomination's state, a duplicate, or a frozen nominee", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class NominationResource {

    @Inject
    NominationService nominations;
    @Inject
    RestrictionService restrictions;
    @Inject
    NomineeDirectory nominees;
    @Inject
    CandidateQueries candidates;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Scope scope;

    /** A nominee as the proposing unit sees it: name, unit, restriction and what commitment-service reported. */
    @Schema(name = "Nominee")
    public record NomineeView(NomineeType type, UUID id, String name, UUID unitId, NomineeDirectory.Restriction restriction,
                              List<NomineeDirectory.CommitmentFact> commitments, List<NomineeDirectory.CheckInFact> checkIns) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Write a nomination (DRAFT) for a nominee of your subtree")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = NominationView.class)))
    public Response create(@Valid @NotNull NominationService.NominationRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "nomination.create", request, () -> {
            Nomination n = nominations.create(request);
            return Response.created(URI.create("/api/v1/nominations/" + n.id)).tag(ETags.tag(n.version))
                    .entity(view(n)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Nominations proposed within a unit's subtree (yours by default), or held by a unit now")
    public Page<NominationView> list(@QueryParam("unit") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
                                     @QueryParam("heldBy") @Parameter(description = "only those this unit must act on now", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String heldByParam,
                                     @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
                                     @QueryParam("status") @Parameter(schema = @Schema(implementation = NominationStatus.class)) String statusParam,
                                     @QueryParam("form") @Parameter(schema = @Schema(implementation = RecognitionForm.class)) String formParam,
                                     @QueryParam("updatedSince") @Parameter(description = "only those changed after this instant (mobile sync)", schema = @Schema(type = SchemaType.STRING, format = "date-time")) String updatedSinceParam,
                                     @BeanParam PageRequest page) {
        UUID unit = QueryParams.uuidOf("unit", unitParam);
        UUID heldBy = QueryParams.uuidOf("heldBy", heldByParam);
        Integer year = QueryParams.intOf("year", yearParam, 2000, 2100);
        NominationStatus status = QueryParams.enumOf(NominationStatus.class, "status", statusParam);
        RecognitionForm form = QueryParams.enumOf(RecognitionForm.class, "form", formParam);
        java.time.Instant updatedSince = instantOf("updatedSince", updatedSinceParam);
        int limit = page.limit();
        return Page.of(nominations.list(unit, heldBy, year, status, form, updatedSince, page.cursorValues(PageRequest.Part.TEXT, PageRequest.Part.UUID), limit),
                limit, n -> NominationView.of(n, nominations.isFrozen(n), null), n -> PageRequest.cursorOf(n.createdAt, n.id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "One nomination with every step it took")
    public Response get(@PathParam("id") UUID id) {
        return withETag(nominations.visible(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Edit a DRAFT or RETURNED nomination; If-Match guards against lost updates")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull NominationService.NominationRequest request, @HeaderParam("If-Match") String ifMatch) {
        return withETag(nominations.update(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Submit (or resubmit after a return) to the proposing unit's review")
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(nominations.submit(id, ifMatch));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Take up a submitted or forwarded nomination at the unit holding it")
    public Response review(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(nominations.review(id, ifMatch));
    }

    @POST
    @Path("/{id}/forward")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Forward to the parent unit: the form is beyond this unit's authority")
    public Response forward(@PathParam("id") UUID id, @Valid NominationService.StepNote note, @HeaderParam("If-Match") String ifMatch) {
        return withETag(nominations.forward(id, note == null ? null : note.note(), ifMatch));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Approve, as the commendation council of a unit with authority for the form")
    public Response approve(@PathParam("id") UUID id, @Valid NominationService.StepNote note, @HeaderParam("If-Match") String ifMatch) {
        return withETag(nominations.decide(id, true, note == null ? null : note.note(), ifMatch));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Reject, as the commendation council of a unit with authority for the form")
    public Response reject(@PathParam("id") UUID id, @Valid NominationService.StepNote note, @HeaderParam("If-Match") String ifMatch) {
        return withETag(nominations.decide(id, false, note == null ? null : note.note(), ifMatch));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Return to the proposing unit with what to correct")
    public Response returnToProposer(@PathParam("id") UUID id, @Valid @NotNull NominationService.StepNote note, @HeaderParam("If-Match") String ifMatch) {
        return withETag(nominations.returnToProposer(id, note.note(), ifMatch));
    }

    @GET
    @Path("/candidates/members")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Members of a unit's subtree rated EXCELLENT in a year, to start nominations from")
    public Page<CandidateQueries.MemberCandidate> memberCandidates(
            @QueryParam("unit") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
            @BeanParam PageRequest page) {
        UUID unit = requiredUnit(unitParam);
        int year = yearOrThisYear(yearParam);
        int limit = page.limit();
        return Page.of(candidates.members(unit, year, page.cursorValues(PageRequest.Part.UUID), limit), limit, c -> c,
                c -> PageRequest.cursorOf(c.memberId()));
    }

    @GET
    @Path("/candidates/models")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Recognised models of a unit's subtree that other units replicated")
    public Page<CandidateQueries.ModelCandidate> modelCandidates(
            @QueryParam("unit") @Parameter(required = true, schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
            @BeanParam PageRequest page) {
        UUID unit = requiredUnit(unitParam);
        int year = yearOrThisYear(yearParam);
        int limit = page.limit();
        return Page.of(candidates.models(unit, year, page.cursorValues(PageRequest.Part.UUID), limit), limit, c -> c,
                c -> PageRequest.cursorOf(c.modelId()));
    }

    @GET
    @Path("/nominees/{type}/{id}")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "A nominee: name, unit, restriction, and (members) the commitments and check-ins commitment-service reported, to cite as evidence")
    public NomineeView nominee(@PathParam("type") String typeParam, @PathParam("id") UUID id) {
        NomineeType type = nomineeType(typeParam);
        NomineeDirectory.Nominee nominee = nominees.require(type, id);
        scope.requireWithin(nominee.unitId());
        return new NomineeView(type, id, nominee.name(), nominee.unitId(), nominees.restriction(type, id).orElse(null),
                type == NomineeType.MEMBER ? nominees.commitments(id) : List.of(),
                type == NomineeType.MEMBER ? nominees.checkIns(id) : List.of());
    }

    @PUT
    @Path("/nominees/{type}/{id}/restriction")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Put a nominee under discipline or inspection: its nominations freeze (officers of a unit above the nominee's)")
    public NomineeDirectory.Restriction restrict(@PathParam("type") String typeParam, @PathParam("id") UUID id,
                                                 @Valid @NotNull RestrictionService.RestrictionRequest request) {
        return restrictions.set(nomineeType(typeParam), id, request);
    }

    @DELETE
    @Path("/nominees/{type}/{id}/restriction")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Clear a nominee's restriction: its nominations continue")
    @APIResponse(responseCode = "204", description = "cleared")
    public Response clear(@PathParam("type") String typeParam, @PathParam("id") UUID id) {
        restrictions.clear(nomineeType(typeParam), id);
        return Response.noContent().build();
    }

    private Response withETag(Nomination n) {
        return Response.ok(view(n)).tag(ETags.tag(n.version)).build();
    }

    private NominationView view(Nomination n) {
        return NominationView.of(n, nominations.isFrozen(n), nominations.steps(n.id));
    }

    private static NomineeType nomineeType(String value) {
        NomineeType type = QueryParams.enumOf(NomineeType.class, "type", value);
        if (type == null) {
            throw ProblemException.invalid("type", "required");
        }
        return type;
    }

    static java.time.Instant instantOf(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.trim()).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid(name, "not an ISO-8601 date-time with offset, e.g. 2026-05-01T00:00:00Z");
        }
    }

    static UUID requiredUnit(String value) {
        UUID unit = QueryParams.uuidOf("unit", value);
        if (unit == null) {
            throw ProblemException.invalid("unit", "required");
        }
        return unit;
    }

    static int yearOrThisYear(String value) {
        Integer year = QueryParams.intOf("year", value, 2000, 2100);
        return year != null ? year : LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
    }
}
