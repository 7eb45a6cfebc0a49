package vn.campaign.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.orgtree.OrgUnitReplica;
import vn.campaign.foundation.security.Roles;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.ProblemException;
import vn.campaign.reporting.export.TableExport;
import vn.campaign.reporting.figures.FigureQueries;
import vn.campaign.reporting.figures.Periods;

import java.util.UUID;

/** A unit's figures (its whole subtree) for a period, and the same for each of its children. */
@Path("/api/v1/dashboards/units")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.UNIT_OFFICER, Roles.CELL_SECRETARY, Roles.COMMENDATION_COUNCIL, Roles.INTEGRATION, Roles.ADMIN})
@Tag(name = "Dashboards")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "outside your subtree", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DashboardResource {

    private static final int MAX_EXPORT_ROWS = 10_000;

    @Inject
    FigureQueries figures;
    @Inject
    OrgUnitReplica units;
    @Inject
    Scope scope;

    @GET
    @Path("/{id}")
    @Operation(summary = "The unit's figures for a period: its whole subtree, rolled up")
    public FigureQueries.UnitFigures unit(@PathParam("id") UUID id,
                                          @QueryParam("period") @Parameter(description = "2024, 2024S1, 2024Q2", required = true) String period) {
        scope.requireWithin(id);
        String p = Periods.require("period", period);
        OrgUnitReplica.ReplicatedUnit unit = units.find(id).orElseThrow(() -> ProblemException.notFound("unit " + id + " does not exist"));
        return new FigureQueries.UnitFigures(id, unit.code(), unit.name(), unit.kind().name(), p, figures.figures(id, p));
    }

    /** A unit's figures across periods. */
    @Schema(name = "UnitSeries")
    public record Series(UUID unitId, java.util.Map<String, java.util.Map<String, Long>> periods) {
    }

    @GET
    @Path("/{id}/series")
    @Operation(summary = "The unit's figures for each of up to 20 periods, e.g. periods=2026Q1,2026Q2,2026Q3,2026Q4")
    public Series series(@PathParam("id") UUID id, @QueryParam("periods") String periods) {
        scope.requireWithin(id);
        if (periods == null || periods.isBlank()) {
            throw ProblemException.invalid("periods", "is required: comma-separated period ids");
        }
        java.util.List<String> ids = java.util.Arrays.stream(periods.split(",")).map(String::trim).distinct().toList();
        if (ids.size() > 20) {
            throw ProblemException.invalid("periods", "at most 20 periods");
        }
        ids.forEach(period -> Periods.require("periods", period));
        return new Series(id, figures.series(id, ids));
    }

    @GET
    @Path("/{id}/children/export")
    @Produces({TableExport.CSV, TableExport.XLSX})
    @Operation(summary = "The child breakdown as a file: one row per child unit, a column per figure (format=csv or xlsx)")
    public jakarta.ws.rs.core.Response export(@PathParam("id") UUID id, @QueryParam("period") String period,
                                              @QueryParam("format") @Parameter(description = "csv (default) or xlsx") String format) {
        scope.requireWithin(id);
        String p = Periods.require("period", period);
        String kind = format == null || format.isBlank() ? "csv" : format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw ProblemException.invalid("format", "csv or xlsx");
        }
        java.util.List<FigureQueries.UnitFigures> children = new java.util.ArrayList<>();
        java.util.List<String> after = null;
        while (children.size() <= MAX_EXPORT_ROWS) {
            java.util.List<FigureQueries.UnitFigures> page = figures.children(id, p, after, PageRequest.MAX_LIMIT);
            children.addAll(page.subList(0, Math.min(page.size(), PageRequest.MAX_LIMIT)));
            if (page.size() <= PageRequest.MAX_LIMIT) {
                break;
            }
            FigureQueries.UnitFigures last = page.get(PageRequest.MAX_LIMIT - 1);
            after = java.util.List.of(last.name(), last.unitId().toString());
        }
        if (children.size() > MAX_EXPORT_ROWS) {
            throw ProblemException.unprocessable("more than " + MAX_EXPORT_ROWS + " child units; export a unit further down");
        }
        java.util.List<String> metrics = children.stream().flatMap(u -> u.figures().keySet().stream()).distinct().sorted().toList();
        java.util.List<String> header = new java.util.ArrayList<>(java.util.List.of("code", "name", "kind"));
        header.addAll(metrics);
        java.util.List<java.util.List<Object>> rows = children.stream().map(u -> {
            java.util.List<Object> row = new java.util.ArrayList<>(java.util.List.of(u.code(), u.name(), u.kind()));
            metrics.forEach(m -> row.add(u.figures().getOrDefault(m, 0L)));
            return row;
        }).toList();
        String file = "figures-" + p + "." + kind;
        byte[] body = kind.equals("csv") ? TableExport.csv(header, rows) : TableExport.xlsx("Số liệu " + p, header, rows);
        return jakarta.ws.rs.core.Response.ok(body, kind.equals("csv") ? TableExport.CSV : TableExport.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @GET
    @Path("/{id}/children")
    @Operation(summary = "The figures of each child unit for a period, by name")
    public Page<FigureQueries.UnitFigures> children(@PathParam("id") UUID id, @QueryParam("period") String period,
                                                     @BeanParam PageRequest page) {
        scope.requireWithin(id);
        String p = Periods.require("period", period);
        int limit = page.limit();
        return Page.of(figures.children(id, p, page.cursorValues(PageRequest.Part.TEXT, PageRequest.Part.UUID), limit), limit,
                u -> u, u -> PageRequest.cursorOf(u.name(), u.unitId()));
    }
}
