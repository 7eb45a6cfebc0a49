package vn.campaign.foundation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * What every changeable record carries: its version (the ETag, and optimistic locking) and who
 * created and last changed it, when (SPEC: every change is attributable).
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
