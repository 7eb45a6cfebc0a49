package vn.campaign.reporting.rest;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.security.Caller;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.web.ETags;
import vn.campaign.foundation.web.IdempotentRequests;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.foundation.web.QueryParams;
import vn.campaign.reporting.export.TableExport;
import vn.campaign.reporting.figures.FigureQueries;
import vn.campaign.reporting.figures.Periods;
import vn.campaign.reporting.reports.PeriodicReport;
import vn.campaign.reporting.reports.ReportQueries;
import vn.campaign.reporting.reports.ReportService;
import vn.campaign.reporting.reports.ReportStatus;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Periodic reports (báo cáo định kỳ): the schedule of expected reports in a subtree, each report's
 * lifecycle (DRAFT → SUBMITTED → ACCEPTED or RETURNED), and completeness and timeliness.
 */
@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Periodic reports")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportResource {

    private static final int MAX_EXPORT_ROWS = 10_000;
    private static final String READERS_NOTE = "unit officers, viewers and integrations of the subtree";

    @Inject
    ReportService reports;
    @Inject
    ReportQueries queries;
    @Inject
    FigureQueries figures;
    @Inject
    IdempotentRequests idempotent;
    @Inject
    Scope scope;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Begin your unit's report on a plan for a period (DRAFT); the plan must expect it")
    @APIResponse(responseCode = "201", description = "created", content = @Content(schema = @Schema(implementation = ReportService.View.class)))
    @APIResponse(responseCode = "409", description = "the unit has begun this report already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "no published plan expects this report", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ReportService.NewReport request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotent.create(idempotencyKey, "report.create", request, () -> {
            PeriodicReport r = reports.create(request);
            return Response.created(URI.create("/api/v1/reports/" + r.id)).tag(ETags.tag(r.version)).entity(reports.view(r)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.VIEWER, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "The reports expected within a unit's subtree (yours by default), begun or not, by unit name; " + READERS_NOTE)
    public Page<ReportQueries.Row> list(@QueryParam("unitId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
                                        @QueryParam("period") @Parameter(example = "2026Q2") String period,
                                        @QueryParam("planId") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) String planParam,
                                        @QueryParam("status") @Parameter(schema = @Schema(implementation = ReportStatus.class)) String statusParam,
                                        @QueryParam("overdue") @Parameter(description = "true: only reports past their due date and not submitted", schema = @Schema(type = SchemaType.BOOLEAN)) String overdueParam,
                                        @BeanParam PageRequest page) {
        ReportQueries.Filter filter = filter(unitParam, period, planParam, statusParam, overdueParam);
        int limit = page.limit();
        return Page.of(queries.list(filter, page.cursorValues(PageRequest.Part.TEXT, PageRequest.Part.TEXT), limit), limit,
                r -> r, r -> PageRequest.cursorOf(r.unitName(), r.slot()));
    }

    @GET
    @Path("/export")
    @Produces({TableExport.CSV, TableExport.XLSX})
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.VIEWER, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "The report list as a file (format=csv or xlsx), same filters, one row per expected report")
    public Response export(@QueryParam("unitId") String unitParam, @QueryParam("period") String period, @QueryParam("planId") String planParam,
                           @QueryParam("status") String statusParam, @QueryParam("overdue") String overdueParam,
                           @QueryParam("format") @Parameter(description = "csv (default) or xlsx") String format) {
        String kind = TableExport.format(format);
        ReportQueries.Filter filter = filter(unitParam, period, planParam, statusParam, overdueParam);
        List<ReportQueries.Row> rows = queries.list(filter, null, MAX_EXPORT_ROWS);
        if (rows.size() > MAX_EXPORT_ROWS) {
            throw ProblemException.unprocessable("more than " + MAX_EXPORT_ROWS + " reports; narrow the list by unit, period or plan");
        }
        List<String> header = List.of("unit code", "unit name", "plan number", "plan title", "period", "due on", "status",
                "submitted at", "on time", "overdue");
        List<List<Object>> table = new ArrayList<>();
        for (ReportQueries.Row r : rows) {
            table.add(java.util.Arrays.asList(r.unitCode(), r.unitName(), r.planNumber(), r.planTitle(), r.period(), r.dueOn().toString(),
                    r.status().name(), r.submittedAt() == null ? "" : r.submittedAt().toString(),
                    r.onTime() == null ? "" : r.onTime() ? "yes" : "no", r.overdue() ? "yes" : "no"));
        }
        return TableExport.response(kind, "reports" + (filter.period() == null ? "" : "-" + filter.period()), "Báo cáo định kỳ", header, table);
    }

    /** A unit's completeness and timeliness with the same for each child. */
    @Schema(name = "ReportCompletenessBreakdown")
    public record Breakdown(ReportQueries.Completeness unit, List<ReportQueries.Completeness> children) {
    }

    @GET
    @Path("/completeness")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.VIEWER, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Completeness (submitted / expected) and timeliness (on time / expected) for a period: the unit's subtree and each child's")
    public Breakdown completeness(@QueryParam("unitId") String unitParam, @QueryParam("period") String period) {
        return breakdown(unitParam, period);
    }

    @GET
    @Path("/completeness/export")
    @Produces({TableExport.CSV, TableExport.XLSX})
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.VIEWER, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Completeness and timeliness of each child unit as a file (format=csv or xlsx)")
    public Response completenessExport(@QueryParam("unitId") String unitParam, @QueryParam("period") String period,
                                       @QueryParam("format") String format) {
        String kind = TableExport.format(format);
        Breakdown breakdown = breakdown(unitParam, period);
        List<String> header = List.of("code", "name", "kind", "expected", "submitted", "on time", "late", "overdue", "accepted",
                "returned", "completeness", "timeliness");
        List<List<Object>> table = breakdown.children().stream().map(c -> List.<Object>of(c.code(), c.name(), c.kind(), c.expected(),
                c.submitted(), c.onTime(), c.late(), c.overdue(), c.accepted(), c.returned(), c.completeness(), c.timeliness())).toList();
        return TableExport.response(kind, "report-completeness-" + breakdown.unit().period(), "Tiến độ báo cáo", header, table);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.VIEWER, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "One report; while a draft or returned, its figures are the live ones, once submitted the snapshot")
    public Response get(@PathParam("id") UUID id) {
        return withETag(reports.visible(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Write the narrative parts of a DRAFT or RETURNED report; If-Match guards against lost updates")
    @APIResponse(responseCode = "409", description = "submitted or accepted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "changed since read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull ReportService.Narrative narrative, @HeaderParam("If-Match") String ifMatch) {
        return withETag(reports.update(id, narrative, ifMatch));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Submit to the superior unit: the figures are frozen as they are now; on time when by the end of the due date")
    @APIResponse(responseCode = "409", description = "submitted or accepted already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return withETag(reports.submit(id, ifMatch));
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Accept a SUBMITTED report (officers of a unit above it); it is locked from then on")
    @APIResponse(responseCode = "409", description = "not submitted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(@PathParam("id") UUID id, @Valid ReportService.Decision decision, @HeaderParam("If-Match") String ifMatch) {
        return withETag(reports.accept(id, decision, ifMatch));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.UNIT_OFFICER, Roles.ADMIN})
    @Operation(summary = "Return a SUBMITTED report with a note saying what to correct (officers of a unit above it)")
    @APIResponse(responseCode = "409", description = "not submitted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response sendBack(@PathParam("id") UUID id, @Valid ReportService.Decision decision, @HeaderParam("If-Match") String ifMatch) {
        return withETag(reports.sendBack(id, decision, ifMatch));
    }

    private Response withETag(PeriodicReport r) {
        return Response.ok(reports.view(r)).tag(ETags.tag(r.version)).build();
    }

    private Breakdown breakdown(String unitParam, String period) {
        UUID unit = unitOf(unitParam);
        String p = Periods.require("period", period);
        scope.requireWithin(unit);
        FigureQueries.UnitFigures self = figures.unitFigures(unit, p)
                .orElseThrow(() -> ProblemException.notFound("unit " + unit + " does not exist"));
        List<ReportQueries.Completeness> children = figures.allChildren(unit, p, MAX_EXPORT_ROWS)
                .orElseThrow(() -> ProblemException.unprocessable("more than " + MAX_EXPORT_ROWS + " child units; ask about a unit further down"))
                .stream().map(ReportQueries.Completeness::of).toList();
        return new Breakdown(ReportQueries.Completeness.of(self), children);
    }

    private ReportQueries.Filter filter(String unitParam, String period, String planParam, String statusParam, String overdueParam) {
        UUID unit = unitOf(unitParam);
        List<UUID> path = scope.requireWithin(unit);
        String p = period == null || period.isBlank() ? null : Periods.require("period", period.trim());
        Boolean overdue = null;
        if (overdueParam != null && !overdueParam.isBlank()) {
            if (!overdueParam.equals("true") && !overdueParam.equals("false")) {
                throw ProblemException.invalid("overdue", "true or false");
            }
            overdue = Boolean.valueOf(overdueParam);
        }
        return new ReportQueries.Filter(path, p, QueryParams.uuidOf("planId", planParam),
                QueryParams.enumOf(ReportStatus.class, "status", statusParam), overdue);
    }

    /** The unit asked about, else the caller's own. */
    private UUID unitOf(String unitParam) {
        UUID unit = QueryParams.uuidOf("unitId", unitParam);
        if (unit != null) {
            return unit;
        }
        return caller.unit().orElseThrow(() -> ProblemException.invalid("unitId", "is required: your token names no unit"));
    }
}
