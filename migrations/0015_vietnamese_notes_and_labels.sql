-- The Vietnamese of what a release says in words: its label and notes, and each value's note.
-- Translations are CivScope's (the English is the source's or the compiler's own words), kept
-- beside the English so a response in Vietnamese carries no English outside proper names.
-- note_vi is null only where the value has no note, or in a database loaded before this column,
-- until start-up fills it in from the shipped translations.
ALTER TABLE observation ADD COLUMN note_vi text;
ALTER TABLE release ADD COLUMN label_vi text;
ALTER TABLE release ADD COLUMN notes_vi text NOT NULL DEFAULT '';
