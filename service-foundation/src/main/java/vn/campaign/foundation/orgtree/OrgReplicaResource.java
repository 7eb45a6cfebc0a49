package vn.campaign.foundation.orgtree;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.campaign.foundation.security.Scope;
import vn.campaign.foundation.web.ProblemException;

import java.util.UUID;

/**
 * Read-only view of this service's replica of one unit, for operators checking replication.
 * Not routed by the gateway; same token and scope rules as the public API.
 */
@Path("/internal/org-units")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Replicated organisation tree")
@IfBuildProperty(name = "campaign.org-replica.enabled", stringValue = "true", enableIfMissing = true)
public class OrgReplicaResource {

    @Inject
    OrgUnitReplica replica;
    @Inject
    Scope scope;

    @GET
    @Path("/{id}")
    @Operation(summary = "A unit as this service's replica holds it")
    public OrgUnitReplica.ReplicatedUnit get(@PathParam("id") UUID id) {
        scope.requireWithin(id);
        return replica.find(id).orElseThrow(() -> ProblemException.notFound("unit " + id + " is not replicated here"));
    }
}
