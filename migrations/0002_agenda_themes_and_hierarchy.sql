-- The ACCSM agenda taxonomy, composite hierarchies and published ranks.
--
-- 1. Themes follow the agenda: leadership, hr-and-talent, productivity-and-delivery,
--    digital-transformation, training-and-learning, integrity, workforce-and-pay, context.
--    Indicators already loaded move to their new theme (the same mapping as the shipped meta.yaml
--    files): UN e-government series to digital-transformation; WGI Government Effectiveness and
--    Regulatory Quality to productivity-and-delivery; Control of Corruption and Rule of Law to
--    integrity; training mandates to training-and-learning. Values are not touched.
-- 2. A composite source (the Blavatnik Index: index > domain > theme > indicator) records each
--    indicator's level and parent, and what its published ranks are ranks of.
-- 3. An observation keeps the rank its source published beside the value, and its label ("=62").
-- 4. Two more input formats: the Blavatnik Index long file and the QoG Expert Survey wide file.

ALTER TABLE indicator DROP CONSTRAINT indicator_theme_check;

UPDATE indicator SET theme = CASE
  WHEN theme = 'digital-government' THEN 'digital-transformation'
  WHEN theme = 'training' THEN 'training-and-learning'
  WHEN theme = 'effectiveness' AND (code LIKE 'CC.%' OR code LIKE 'RL.%') THEN 'integrity'
  WHEN theme = 'effectiveness' THEN 'productivity-and-delivery'
  ELSE theme
END;

ALTER TABLE indicator ADD CONSTRAINT indicator_theme_check CHECK (theme IN ('leadership', 'hr-and-talent',
  'productivity-and-delivery', 'digital-transformation', 'training-and-learning', 'integrity',
  'workforce-and-pay', 'context'));

ALTER TABLE indicator ADD COLUMN level text CHECK (level IN ('index', 'domain', 'theme', 'indicator'));
ALTER TABLE indicator ADD COLUMN parent_code text COLLATE "C";
ALTER TABLE indicator ADD COLUMN rank_scope_en text;
ALTER TABLE indicator ADD COLUMN rank_scope_vi text;
ALTER TABLE indicator ADD CONSTRAINT indicator_rank_scope_both CHECK ((rank_scope_en IS NULL) = (rank_scope_vi IS NULL));

ALTER TABLE observation ADD COLUMN rank smallint CHECK (rank >= 1);
ALTER TABLE observation ADD COLUMN rank_label text;

ALTER TABLE release DROP CONSTRAINT release_format_check;
ALTER TABLE release ADD CONSTRAINT release_format_check
  CHECK (format IN ('tidy', 'wb-bulk', 'un-egov', 'bipa-long', 'qog-wide'));
