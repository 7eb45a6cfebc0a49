package vn.campaign.recognition.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
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
import vn.campaign.foundation.web.Page;
import vn.campaign.foundation.web.PageRequest;
import vn.campaign.foundation.web.Problem;
import vn.campaign.foundation.web.QueryParams;
import vn.campaign.recognition.publicfeed.PublicFeed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The public feed for portals: published awards and recognised models, name, unit and
 * achievement only. Role {@code integration}; an {@code ETag} on every page, {@code If-None-Match}
 * answers 304 while nothing changed.
 */
@Path("/api/v1/public")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.INTEGRATION, Roles.ADMIN})
@Tag(name = "Public feed")
@APIResponse(responseCode = "304", description = "not modified since the ETag given in If-None-Match")
@APIResponse(responseCode = "400", description = "invalid request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "role or organisation scope does not allow it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PublicFeedResource {

    @Inject
    PublicFeed feed;
    @Inject
    ObjectMapper json;

    @GET
    @Path("/awards")
    @Operation(summary = "Published awards granted within a unit's subtree, optionally of one year")
    public Response awards(@QueryParam("unit") @Parameter(description = "required unless your token names a unit", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
                           @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
                           @BeanParam PageRequest page, @HeaderParam("If-None-Match") String ifNoneMatch) {
        UUID unit = QueryParams.uuidOf("unit", unitParam);
        Integer year = QueryParams.intOf("year", yearParam, 2000, 2100);
        int limit = page.limit();
        Page<PublicFeed.PublicAward> result = Page.of(feed.awards(unit, year, page.cursorValues(PageRequest.Part.DATE, PageRequest.Part.UUID), limit),
                limit, PublicFeed.Row::item, r -> PageRequest.cursorOf(r.sortKey(), r.id()));
        return cacheable(result, ifNoneMatch);
    }

    @GET
    @Path("/models")
    @Operation(summary = "Recognised models of a unit's subtree, optionally recognised in one year")
    public Response models(@QueryParam("unit") @Parameter(description = "required unless your token names a unit", schema = @Schema(type = SchemaType.STRING, format = "uuid")) String unitParam,
                           @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER)) String yearParam,
                           @BeanParam PageRequest page, @HeaderParam("If-None-Match") String ifNoneMatch) {
        UUID unit = QueryParams.uuidOf("unit", unitParam);
        Integer year = QueryParams.intOf("year", yearParam, 2000, 2100);
        int limit = page.limit();
        Page<PublicFeed.PublicModel> result = Page.of(feed.models(unit, year, page.cursorValues(PageRequest.Part.TEXT, PageRequest.Part.UUID), limit),
                limit, PublicFeed.Row::item, r -> PageRequest.cursorOf(r.sortKey(), r.id()));
        return cacheable(result, ifNoneMatch);
    }

    /** The ETag is a digest of the page itself, so it changes exactly when what a portal would show changes. */
    private Response cacheable(Object page, String ifNoneMatch) {
        String body;
        try {
            body = json.writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String digest;
        try {
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        EntityTag tag = new EntityTag(digest);
        CacheControl cache = new CacheControl();
        cache.setNoCache(true);
        cache.setPrivate(true);
        if (ifNoneMatch != null && matches(ifNoneMatch, "\"" + digest + "\"")) {
            return Response.notModified(tag).cacheControl(cache).build();
        }
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).tag(tag).cacheControl(cache).build();
    }

    private static boolean matches(String ifNoneMatch, String current) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
