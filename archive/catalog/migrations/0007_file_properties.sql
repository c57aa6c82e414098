-- What each original file says about itself (DOCX core properties, PDF document information,
-- e-mail headers) as found at deposit: a JSON object, NULL when the file says nothing.
ALTER TABLE files ADD COLUMN properties TEXT;
