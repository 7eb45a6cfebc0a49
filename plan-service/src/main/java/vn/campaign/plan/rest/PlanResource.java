package vn.campaign.plan.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.web.CleanText;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.foundation.web.QueryParams;
import vn.campaign.plan.mapping.PlanView;
import vn.campaign.plan.plan.ActivityKind;
import vn.campaign.plan.plan.Plan;
import vn.campaign.plan.plan.PlanActivity;
import vn.campaign.plan.plan.PlanDocument;
import vn.campaign.plan.plan.PlanQueries;
import vn.campaign.plan.plan.PlanService;
import vn.campaign.plan.plan.PlanStatus;
import vn.campaign.plan.plan.PlanType;
import vn.campaign.plan.plan.PlanQueries.ExpectedUnit;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Plan documents, their lifecycle and their cascade down the tree. Writing a plan takes an
 * officer of the issuing unit; recipients acknowledge, link implementing plans and record
 * activities for their own units.
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MEMBER, Roles.CELL_SECRETARY, Roles.UNIT_OFFICER, Roles.COMMENDATION_COUNCIL, Roles.VIEWER,
        Roles.INTEGRATION, Roles.ADMIN})
@Tag(name = "Plans")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "no valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "no such plan (or a draft of another unit)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlanResource {

    private static final PageRequest.Part TEXT = PageRequest.Part.TEXT;
    private static final PageRequest.Part DATE = PageRequest.Part.DATE;
    private static final PageRequest.Part UUID_PART = PageRequest.Part.UUID;

    @Inject
    PlanService plans;
    @Inject
    PlanQueries queries;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Caller caller;

    /** A reason for an amendment or withdrawal. */
    @Schema(name = "PlanAmendment")
    public record Amendment(@NotNull @Valid PlanDocument document, @Size(max = 4000) @CleanText(multiline = true) String reason) {
    }

    @Schema(name = "PlanReason")
    public record Reason(@Size(max = 4000) @CleanText(multiline = true) String reason) {
    }

    @Schema(name = "UnitRef", description = "the unit acting (default: the unit of your token)")
    public record UnitRef(UUID unitId) {
    }

    @Schema(name = "ImplementationLink")
    public record ImplementationLink(UUID unitId, @NotNull UUID implementingPlanId) {
    }

    @Schema(name = "PlanCoverage")
    public record Coverage(UUID planId, String under, PlanQueries.Counts counts, Page<ExpectedUnit> laggards) {
    }

    @Schema(name = "TaskCompliance")
    public record Compliance(UUID planId, UUID taskId, int year, int minPerYear, String activityKind, long units, long compliant,
                             Page<PlanQueries.UnitCompliance> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Draft a plan of your unit")
    @APIResponse(responseCode = "201", description = "the draft", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "409", description = "the number is taken for the year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PlanDocument document, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "plan.create", document, () -> {
            Plan plan = plans.create(document);
            return Response.created(URI.create("/api/v1/plans/" + plan.id)).tag(ETags.tag(plan.version)).entity(PlanView.of(plan)).build();
        });
    }

    @GET
    @Operation(summary = "Plans you may see: your unit's line, and issued plans addressed to you; newest first")
    public Page<PlanView> search(@QueryParam("q") @Parameter(description = "words of the number or title, accents ignored") String q,
                                 @QueryParam("issuingUnit") String issuingUnit,
                                 @QueryParam("recipient") @Parameter(description = "plans addressed to this unit") String recipient,
                                 @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String year,
                                 @QueryParam("topic") String topic,
                                 @QueryParam("type") @Parameter(schema = @Schema(implementation = PlanType.class)) String type,
                                 @QueryParam("status") @Parameter(schema = @Schema(implementation = PlanStatus.class)) String status,
                                 @BeanParam PageRequest page) {
        PlanQueries.Filter filter = new PlanQueries.Filter(QueryParams.textOf("q", q, 200),
                QueryParams.uuidOf("issuingUnit", issuingUnit), QueryParams.uuidOf("recipient", recipient),
                QueryParams.intOf("year", year, 2000, 2100), QueryParams.uuidOf("topic", topic),
                QueryParams.enumOf(PlanType.class, "type", type), QueryParams.enumOf(PlanStatus.class, "status", status));
        int limit = page.limit();
        return Page.of(queries.search(filter, page.cursorValues(DATE, UUID_PART), limit), limit, PlanView::of,
                p -> PageRequest.cursorOf(p.issueDate, p.id));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One plan")
    @APIResponse(responseCode = "200", description = "the plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    public Response get(@PathParam("id") UUID id) {
        return withETag(queries.visible(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Replace a draft (If-Match); a published plan changes only by amendment")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull PlanDocument document, @HeaderParam("If-Match") String ifMatch) {
        return withETag(plans.updateDraft(id, document, ifMatch));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Publish a draft: it reaches its recipients")
    public Response publish(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(plans.publish(id, ifMatch));
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Amend a published plan: a new revision; every earlier one stays readable")
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull Amendment amendment, @HeaderParam("If-Match") String ifMatch) {
        return withETag(plans.amend(id, amendment.document(), amendment.reason(), ifMatch));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Withdraw a published plan")
    public Response withdraw(@PathParam("id") UUID id, @Valid Reason reason, @HeaderParam("If-Match") String ifMatch) {
        return withETag(plans.withdraw(id, reason == null ? null : reason.reason(), ifMatch));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Archive a plan that has run its course")
    public Response archive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(plans.archive(id, ifMatch));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(summary = "Every published revision of the plan, oldest first")
    public List<PlanQueries.Revision> revisions(@PathParam("id") UUID id) {
        queries.visible(id);
        return queries.revisions(id);
    }

    @POST
    @Path("/{id}/acknowledgements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.CELL_SECRETARY, Roles.ADMIN})
    @Operation(summary = "Acknowledge receipt for a recipient unit (again: no change)")
    public ExpectedUnit acknowledge(@PathParam("id") UUID id, UnitRef unit) {
        return plans.acknowledge(id, unitOrMine(unit == null ? null : unit.unitId()));
    }

    @POST
    @Path("/{id}/implementations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Link the implementing plan a recipient unit issued (it names this plan as parent)")
    public ExpectedUnit link(@PathParam("id") UUID id, @Valid @NotNull ImplementationLink link) {
        return plans.linkImplementation(id, unitOrMine(link.unitId()), link.implementingPlanId());
    }

    @GET
    @Path("/{id}/coverage")
    @Operation(summary = "How far the cascade has come below a unit: expected, acknowledged, implementing plan issued, and the laggards by name")
    public Coverage coverage(@PathParam("id") UUID id, @QueryParam("under") String under, @BeanParam PageRequest page) {
        Plan plan = queries.visible(id);
        String underPath = queries.defaultScopeOf(plan, QueryParams.uuidOf("under", under));
        int limit = page.limit();
        Page<ExpectedUnit> laggards = Page.of(queries.laggards(id, underPath, page.cursorValues(TEXT, UUID_PART), limit), limit,
                u -> u, u -> PageRequest.cursorOf(u.name(), u.unitId()));
        return new Coverage(id, under, queries.counts(id, underPath), laggards);
    }

    @POST
    @Path("/{id}/activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.CELL_SECRETARY, Roles.ADMIN})
    @Operation(summary = "Record a study session or topical meeting a unit held for the plan")
    @APIResponse(responseCode = "201", description = "recorded", content = @Content(schema = @Schema(implementation = PlanView.ActivityView.class)))
    public Response recordActivity(@PathParam("id") UUID id, @Valid @NotNull PlanService.ActivityRequest request,
                                   @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "plan.activity", request, () -> {
            PlanActivity activity = plans.recordActivity(id, request);
            return Response.created(URI.create("/api/v1/plans/" + id + "/activities/" + activity.id))
                    .entity(PlanView.ActivityView.of(activity)).build();
        });
    }

    @GET
    @Path("/{id}/activities")
    @Operation(summary = "Activities recorded for the plan by units in your view of it, newest first")
    public Page<PlanView.ActivityView> activities(@PathParam("id") UUID id, @QueryParam("under") String under,
                                                  @QueryParam("kind") @Parameter(schema = @Schema(implementation = ActivityKind.class)) String kind,
                                                  @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String year,
                                                  @BeanParam PageRequest page) {
        Plan plan = queries.visible(id);
        String underPath = queries.defaultScopeOf(plan, QueryParams.uuidOf("under", under));
        int limit = page.limit();
        return Page.of(queries.activities(id, underPath, QueryParams.enumOf(ActivityKind.class, "kind", kind),
                        QueryParams.intOf("year", year, 2000, 2100), page.cursorValues(DATE, UUID_PART), limit),
                limit, PlanView.ActivityView::of, a -> PageRequest.cursorOf(a.heldOn, a.id));
    }

    @GET
    @Path("/{id}/tasks/{taskId}/compliance")
    @Operation(summary = "For a recurring task (e.g. at least 2 topical meetings a year): which units met it in a year")
    public Compliance compliance(@PathParam("id") UUID id, @PathParam("taskId") UUID taskId,
                                 @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String year,
                                 @QueryParam("under") String under, @BeanParam PageRequest page) {
        Plan plan = queries.visible(id);
        PlanDocument.Task task = plan.content.tasks().stream().filter(t -> taskId.equals(t.id())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("plan " + id + " has no task " + taskId));
        if (task.recurrence() == null || task.recurrence().activityKind() == null) {
            throw ProblemException.conflict("task " + taskId + " has no recurring activity to count");
        }
        Integer parsedYear = QueryParams.intOf("year", year, 2000, 2100);
        int y = parsedYear == null ? plan.year : parsedYear;
        String underPath = queries.defaultScopeOf(plan, QueryParams.uuidOf("under", under));
        int limit = page.limit();
        long[] totals = queries.complianceTotals(plan, task, y, underPath);
        Page<PlanQueries.UnitCompliance> items = Page.of(queries.compliance(plan, task, y, underPath, page.cursorValues(TEXT, UUID_PART), limit),
                limit, u -> u, u -> PageRequest.cursorOf(u.name(), u.unitId()));
        int min = task.recurrence().minPerYear() == null ? 1 : task.recurrence().minPerYear();
        return new Compliance(id, taskId, y, min, task.recurrence().activityKind().name(), totals[0], totals[1], items);
    }

    private UUID unitOrMine(UUID unit) {
        if (unit != null) {
            return unit;
        }
        return caller.unit().orElseThrow(() -> ProblemException.invalid("unitId", "is required: your token names no unit"));
    }

    private static Response withETag(Plan plan) {
        return Response.ok(PlanView.of(plan)).tag(ETags.tag(plan.version)).build();
    }

}
