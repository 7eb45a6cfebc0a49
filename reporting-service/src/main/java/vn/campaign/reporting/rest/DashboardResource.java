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
    Scope scope;

    @GET
    @Path("/{id}")
    @Operation(summary = "The unit's figures for a period: its whole subtree, rolled up")
    public FigureQueries.UnitFigures unit(@PathParam("id") UUID id,
                                          @QueryParam("period") @Parameter(description = "2024, 2024S1, 2024Q2", required = true) String period) {
        scope.requireWithin(id);
        return figures.unitFigures(id, Periods.require("period", period))
                .orElseThrow(() -> ProblemException.notFound("unit " + id + " does not exist"));
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
        String kind = TableExport.format(format);
        java.util.List<FigureQueries.UnitFigures> children = allChildren(id, p);
        java.util.List<String> metrics = children.stream().flatMap(u -> u.figures().keySet().stream()).distinct().sorted().toList();
        java.util.List<String> header = new java.util.ArrayList<>(java.util.List.of("code", "name", "kind"));
        header.addAll(metrics);
        java.util.List<java.util.List<Object>> rows = children.stream().map(u -> {
            java.util.List<Object> row = new java.util.ArrayList<>(java.util.List.of(u.code(), u.name(), u.kind()));
            metrics.forEach(m -> row.add(u.figures().getOrDefault(m, 0L)));
            return row;
        }).toList();
        return TableExport.response(kind, "figures-" + p, "Số liệu " + p, header, rows);
    }

    /** A child unit's place in a ranking: the figure (or ratio) it is ranked by. */
    @Schema(name = "RankedUnit")
    public record Ranked(int rank, UUID unitId, String code, String name, String kind, double value, long metric, Long per) {
    }

    @GET
    @Path("/{id}/rankings")
    @Operation(summary = "The child units ranked by a figure, or by a ratio of two (metric per 'per'), highest first unless order=asc")
    public java.util.List<Ranked> rankings(@PathParam("id") UUID id, @QueryParam("period") String period,
                                           @QueryParam("metric") @Parameter(example = "commitments.submitted") String metric,
                                           @QueryParam("per") @Parameter(example = "members.expected") String per,
                                           @QueryParam("order") @Parameter(description = "desc (default) or asc") String order) {
        scope.requireWithin(id);
        java.util.List<Ranked> ranked = rank(id, Periods.require("period", period), metric, per);
        if (order != null && !order.isBlank() && !order.equals("asc") && !order.equals("desc")) {
            throw ProblemException.invalid("order", "asc or desc");
        }
        return "asc".equals(order) ? renumber(reversed(ranked)) : ranked;
    }

    @GET
    @Path("/{id}/lagging")
    @Operation(summary = "The child units lagging on a figure (or a ratio metric per 'per'): below a threshold, lowest first "
            + "(e.g. coverage: metric=plans.acknowledged&per=plans.received&below=0.8), or above one, highest first "
            + "(e.g. overdue reports: metric=reports.overdue&above=0)")
    public java.util.List<Ranked> lagging(@PathParam("id") UUID id, @QueryParam("period") String period,
                                          @QueryParam("metric") String metric, @QueryParam("per") String per,
                                          @QueryParam("below") @Parameter(example = "0.8") String below,
                                          @QueryParam("above") @Parameter(example = "0") String above) {
        scope.requireWithin(id);
        if ((below == null) == (above == null)) {
            throw ProblemException.invalid(below == null ? "below" : "above", "give exactly one of below and above");
        }
        boolean isBelow = below != null;
        double threshold;
        try {
            threshold = Double.parseDouble(isBelow ? below : above);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(isBelow ? "below" : "above", "a number, e.g. 0.8 for a ratio or 3 for a count");
        }
        java.util.List<Ranked> ranked = rank(id, Periods.require("period", period), metric, per);
        return renumber(isBelow
                ? ranked.stream().filter(r -> r.value() < threshold)
                        .sorted(java.util.Comparator.comparingDouble(Ranked::value).thenComparing(Ranked::name)).toList()
                : ranked.stream().filter(r -> r.value() > threshold).toList());
    }

    private java.util.List<Ranked> rank(UUID id, String period, String metric, String per) {
        String m = metricName("metric", metric, true);
        String d = metricName("per", per, false);
        java.util.List<Ranked> ranked = allChildren(id, period).stream().map(u -> {
            long value = u.figures().getOrDefault(m, 0L);
            Long base = d == null ? null : u.figures().getOrDefault(d, 0L);
            double score = base == null ? value : base == 0 ? 0 : (double) value / base;
            return new Ranked(0, u.unitId(), u.code(), u.name(), u.kind(), Math.round(score * 10000) / 10000.0, value, base);
        }).sorted(java.util.Comparator.comparingDouble(Ranked::value).reversed().thenComparing(Ranked::name)).toList();
        return renumber(ranked);
    }

    private static java.util.List<Ranked> reversed(java.util.List<Ranked> ranked) {
        java.util.List<Ranked> copy = new java.util.ArrayList<>(ranked);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static java.util.List<Ranked> renumber(java.util.List<Ranked> ranked) {
        java.util.List<Ranked> out = new java.util.ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Ranked r = ranked.get(i);
            out.add(new Ranked(i + 1, r.unitId(), r.code(), r.name(), r.kind(), r.value(), r.metric(), r.per()));
        }
        return out;
    }

    private static String metricName(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, "is required: a figure name such as commitments.submitted");
            }
            return null;
        }
        if (!value.matches("[A-Za-z][A-Za-z0-9_.]{0,99}")) {
            throw ProblemException.invalid(field, "not a figure name");
        }
        return value;
    }

    private java.util.List<FigureQueries.UnitFigures> allChildren(UUID id, String period) {
        return figures.allChildren(id, period, MAX_EXPORT_ROWS).orElseThrow(() ->
                ProblemException.unprocessable("more than " + MAX_EXPORT_ROWS + " child units; ask about a unit further down"));
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
