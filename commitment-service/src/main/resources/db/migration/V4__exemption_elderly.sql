-- The exemption ELDERLY_ETHNIC_MINORITY is now ELDERLY: ethnicity is sensitive personal data the
-- roster must not keep (Luật Bảo vệ dữ liệu cá nhân 2025), not even folded into a category.
update member set exemption = 'ELDERLY' where exemption = 'ELDERLY_ETHNIC_MINORITY';
update plan_replica set exempt_categories = array_replace(exempt_categories, 'ELDERLY_ETHNIC_MINORITY', 'ELDERLY')
where 'ELDERLY_ETHNIC_MINORITY' = any(exempt_categories);
-- the change log keeps field values as JSON text ({"exemption": {"from": ..., "to": ...}})
update member_change set changes = replace(changes, '"ELDERLY_ETHNIC_MINORITY"', '"ELDERLY"')
where changes like '%"ELDERLY_ETHNIC_MINORITY"%';
