-- The audit trail also records the per-area assessments of the wijkaanpak choice (municipal priority, active
-- residents and partners) and the stories of the politieke markt. The CHECK had no name of its own, so PostgreSQL
-- named it audit_log_entity_check (the same on PGlite and on a server).
ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check
	CHECK (entity IN ('programme', 'investment', 'signal', 'user', 'area_assessment', 'story'));
