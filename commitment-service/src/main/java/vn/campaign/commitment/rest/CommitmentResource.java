package vn.campaign.commitment.rest;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.commitment.commitments.CheckIn;
import vn.campaign.commitment.commitments.Commitment;
import vn.campaign.commitment.commitments.CommitmentCommands;
import vn.campaign.commitment.commitments.CommitmentHistory;
import vn.campaign.commitment.commitments.CommitmentQueries;
import vn.campaign.commitment.commitments.CommitmentService;
import vn.campaign.commitment.commitments.MemberStanding;
import vn.campaign.commitment.mapping.CheckInView;
import vn.campaign.commitment.mapping.CommitmentHistoryView;
import vn.campaign.commitment.mapping.CommitmentView;
import vn.campaign.commitment.mapping.MemberStandingView;
import vn.campaign.commitment.mapping.StatusCountsView;
import vn.campaign.commitment.mapping.SyncedCommitmentView;
import vn.campaign.commitment.plans.PlanReplica;
import vn.campaign.commitment.plans.PlanReplicas;
import vn.campaign.foundation.commitments.CommitmentStatus;
import vn.campaign.foundation.security.Caller;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Personal commitments, their workflow and check-ins, and the cell secretary's views. Who may
 * take which step is {@code CommitmentWorkflow}'s rule: the member (by the {@code member} claim)
 * or the cell secretary of the member's unit subtree.
 */
@Path("/api/v1/commitments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Commitments")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CommitmentResource {

    @Inject
    CommitmentService commitments;
    @Inject
    CommitmentQueries queries;
    @Inject
    PlanReplicas plans;
    @Inject
    Scope scope;
    @Inject
    Caller caller;
    @Inject
    IdempotentRequests idempotent;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Write a commitment (DRAFT) for a published plan addressed to the member's unit: "
            + "your own, or as cell secretary on a member's behalf (recorded)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "404", description = "unknown member or plan", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "already written for this plan and year, or the plan takes no commitments", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "the plan is not addressed to the member's unit or asks for no commitments", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CommitmentCommands.NewCommitment request,
                           @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "a retry with the same key returns the first result") String idempotencyKey) {
        return idempotent.create(idempotencyKey, "commitment.create", request, () -> {
            Commitment c = commitments.create(request);
            return Response.created(URI.create("/api/v1/commitments/" + c.id)).tag(ETags.tag(c.version))
                    .entity(CommitmentView.of(c)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "Commitments written in a unit's subtree (default: yours), by member name; filter by plan, year, status, late")
    public Page<CommitmentView> list(@QueryParam("unit") String unit,
                                     @QueryParam("planId") String planId,
                                     @QueryParam("year") String year,
                                     @QueryParam("status") @Parameter(description = "one or more of DRAFT, SUBMITTED, APPROVED, RETURNED, SELF_ASSESSED, EVALUATED (repeat or comma-separate)") List<String> status,
                                     @QueryParam("late") String late,
                                     @QueryParam("memberId") String memberId,
                                     @BeanParam PageRequest page) {
        String under = Params.underPath(scope, QueryParams.uuidOf("unit", unit));
        CommitmentQueries.Filter filter = new CommitmentQueries.Filter(QueryParams.uuidOf("planId", planId), QueryParams.intOf("year", year, 2000, 2200),
                Params.enums("status", CommitmentStatus.class, status), Params.bool("late", late), QueryParams.uuidOf("memberId", memberId));
        int limit = page.limit();
        List<Commitment> rows = queries.list(under, filter, page.cursorValues(Part.TEXT, Part.UUID), limit);
        return Page.of(rows, limit, CommitmentView::of, c -> PageRequest.cursorOf(c.member.fullName, c.id));
    }

    @GET
    @Path("/counts")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.ADMIN})
    @Operation(summary = "How many commitments of a plan in a unit's subtree (default: yours) are in each status")
    public StatusCountsView counts(@QueryParam("planId") String planId, @QueryParam("unit") String unit) {
        UUID plan = Params.requiredUuid("planId", planId);
        UUID unitId = QueryParams.uuidOf("unit", unit);
        String under = Params.underPath(scope, unitId);
        Map<CommitmentStatus, Long> counts = queries.countsByStatus(plan, under);
        return new StatusCountsView(plan, unitId, counts);
    }

    @GET
    @Path("/missing")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Members of a unit's subtree (default: yours) expected to write a commitment for the plan "
            + "(addressed to their unit, their template asked for, not exempt) who have not submitted it, by name")
    public Page<MemberStandingView> missing(@QueryParam("planId") String planId, @QueryParam("unit") String unit,
                                            @BeanParam PageRequest page) {
        PlanReplica plan = plans.get(Params.requiredUuid("planId", planId));
        String under = Params.underPath(scope, QueryParams.uuidOf("unit", unit));
        int limit = page.limit();
        List<MemberStanding> rows = queries.notSubmitted(plan, under, page.cursorValues(Part.TEXT, Part.UUID), limit);
        return Page.of(rows, limit, MemberStandingView::of, s -> PageRequest.cursorOf(s.fullName(), s.memberId()));
    }

    @GET
    @Path("/late")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Expected members of a unit's subtree who are late with the plan's commitment: submitted after "
            + "the due date (SUBMITTED_LATE) or, once it has passed, not submitted at all (OVERDUE), by name")
    public Page<MemberStandingView> late(@QueryParam("planId") String planId, @QueryParam("unit") String unit,
                                         @BeanParam PageRequest page) {
        PlanReplica plan = plans.get(Params.requiredUuid("planId", planId));
        String under = Params.underPath(scope, QueryParams.uuidOf("unit", unit));
        int limit = page.limit();
        List<MemberStanding> rows = queries.late(plan, under, page.cursorValues(Part.TEXT, Part.UUID), limit);
        return Page.of(rows, limit, MemberStandingView::of, s -> PageRequest.cursorOf(s.fullName(), s.memberId()));
    }

    @GET
    @Path("/mine")
    @Operation(summary = "Your own commitments with their check-ins, oldest change first; pass updatedSince "
            + "(the latest updatedAt you hold) to fetch only what changed")
    public Page<SyncedCommitmentView> mine(@QueryParam("updatedSince") @Parameter(description = "ISO-8601, e.g. 2025-05-01T08:00:00Z") String updatedSince,
                                           @BeanParam PageRequest page) {
        UUID member = caller.member().orElseThrow(() -> ProblemException.forbidden("your token names no member"));
        Instant since = Params.instant("updatedSince", updatedSince);
        int limit = page.limit();
        List<Commitment> rows = queries.changedSince(member, since, page.cursorValues(Part.TEXT, Part.UUID), limit);
        List<Commitment> shown = rows.subList(0, Math.min(rows.size(), limit));
        Map<UUID, List<CheckInView>> checkIns = queries.checkInsOf(shown.stream().map(c -> c.id).toList()).stream()
                .collect(Collectors.groupingBy(k -> k.commitmentId, Collectors.mapping(CheckInView::of, Collectors.toList())));
        return Page.of(rows, limit, c -> new SyncedCommitmentView(CommitmentView.of(c), checkIns.getOrDefault(c.id, new ArrayList<>())),
                c -> PageRequest.cursorOf(c.updatedAt, c.id));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One commitment; the ETag header carries its version for If-Match")
    @APIResponse(responseCode = "200", description = "the commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "404", description = "no such commitment", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(commitments.get(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the content of a DRAFT or RETURNED commitment (member, or cell secretary on their behalf)")
    @APIResponse(responseCode = "200", description = "the commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "not editable in its status", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull CommitmentCommands.ContentUpdate request,
                           @HeaderParam("If-Match") String ifMatch) {
        return withETag(commitments.update(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit (or resubmit after a return) to the cell; after the due date it is accepted and marked late")
    @APIResponse(responseCode = "200", description = "the commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "not in DRAFT or RETURNED, or the window is not open", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                           @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "a retried submit returns the first result") String idempotencyKey) {
        return idempotent.create(idempotencyKey, "commitment.submit", id.toString(), () -> withETag(commitments.submit(id, ifMatch)));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.ADMIN})
    @Operation(summary = "Approve a SUBMITTED commitment (cell secretary)")
    @APIResponse(responseCode = "200", description = "the commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "not SUBMITTED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@PathParam("id") UUID id, @Valid CommitmentCommands.Approval request,
                            @HeaderParam("If-Match") String ifMatch) {
        return withETag(commitments.approve(id, request == null ? null : request.comment(), ifMatch));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.ADMIN})
    @Operation(summary = "Return a SUBMITTED commitment to the member with a comment (cell secretary)")
    @APIResponse(responseCode = "200", description = "the commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "not SUBMITTED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response returnToMember(@PathParam("id") UUID id, @Valid @NotNull CommitmentCommands.Return request,
                                   @HeaderParam("If-Match") String ifMatch) {
        return withETag(commitments.returnToMember(id, request.comment(), ifMatch));
    }

    @POST
    @Path("/{id}/self-assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The member's year-end self-assessment of an APPROVED commitment")
    @APIResponse(responseCode = "200", description = "the commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "not APPROVED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response selfAssess(@PathParam("id") UUID id, @Valid @NotNull CommitmentCommands.SelfAssessment request,
                               @HeaderParam("If-Match") String ifMatch) {
        return withETag(commitments.selfAssess(id, request, ifMatch));
    }

    @POST
    @Path("/{id}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.ADMIN})
    @Operation(summary = "The cell's year-end score of a SELF_ASSESSED commitment; the rating follows from it "
            + "(>=90 EXCELLENT, 70-89 GOOD, 50-69 COMPLETED, <50 NOT_COMPLETED)")
    @APIResponse(responseCode = "200", description = "the commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "not SELF_ASSESSED", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response evaluate(@PathParam("id") UUID id, @Valid @NotNull CommitmentCommands.Evaluation request,
                             @HeaderParam("If-Match") String ifMatch) {
        return withETag(commitments.evaluate(id, request, ifMatch));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every change of the commitment, oldest first: who, when, which step, the comment")
    public Page<CommitmentHistoryView> history(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        commitments.get(id);
        int limit = page.limit();
        List<CommitmentHistory> rows = queries.history(id, page.cursorValues(Part.TEXT), limit);
        return Page.of(rows, limit, CommitmentHistoryView::of, h -> PageRequest.cursorOf(h.seq));
    }

    @POST
    @Path("/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report progress on one concrete action for a period (the member, on an APPROVED commitment)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "409", description = "not APPROVED, or this action and period have a check-in already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkIn(@PathParam("id") UUID id, @Valid @NotNull CommitmentCommands.NewCheckIn request,
                            @HeaderParam(IdempotentRequests.HEADER) @Parameter(description = "a retry with the same key returns the first result") String idempotencyKey) {
        return idempotent.create(idempotencyKey, "commitment.check-in:" + id, request, () -> {
            CheckIn checkIn = commitments.checkIn(id, request);
            return Response.created(URI.create("/api/v1/commitments/" + id + "/check-ins/" + checkIn.id))
                    .tag(ETags.tag(checkIn.version)).entity(CheckInView.of(checkIn)).build();
        });
    }

    @GET
    @Path("/{id}/check-ins")
    @Operation(summary = "The commitment's check-ins by action and period")
    public Page<CheckInView> checkIns(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        commitments.get(id);
        int limit = page.limit();
        List<CheckIn> rows = queries.checkIns(id, page.cursorValues(Part.INT, Part.TEXT), limit);
        return Page.of(rows, limit, CheckInView::of, k -> PageRequest.cursorOf(k.action, k.period));
    }

    @POST
    @Path("/{id}/check-ins/{checkInId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CELL_SECRETARY, Roles.ADMIN})
    @Operation(summary = "The cell's comment on a check-in, and/or praise at the cell meeting (publishes commitment.praised.v1 once)")
    @APIResponse(responseCode = "200", description = "the check-in", content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the check-in's version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response review(@PathParam("id") UUID id, @PathParam("checkInId") UUID checkInId,
                           @Valid @NotNull CommitmentCommands.Review request, @HeaderParam("If-Match") String ifMatch) {
        CheckIn checkIn = commitments.review(id, checkInId, request, ifMatch);
        return Responses.withETag(CheckInView.of(checkIn), checkIn.version);
    }

    private static Response withETag(Commitment c) {
        return Responses.withETag(CommitmentView.of(c), c.version);
    }
}
