package vn.campaign.commitment.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.campaign.foundation.web.ETags;

/** Shared response shapes of the resources. */
final class Responses {

    private Responses() {
    }

    /** 200 with the view and its version as the ETag, for If-Match on the next update. */
    static Response withETag(Object view, long version) {
        return Response.ok(view).type(MediaType.APPLICATION_JSON_TYPE).tag(ETags.tag(version)).build();
    }
}
