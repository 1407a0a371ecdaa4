-- description: The newest notes, as the home page lists them
-- A repeatable migration: applied after the numbered ones whenever this text changes.
CREATE OR REPLACE VIEW recent_notes AS
SELECT id, text, created_at FROM notes ORDER BY created_at DESC LIMIT 50;
