-- How many the source ranked when it published a rank beside a value: "=62 of 120" reads as a
-- standing, "=62" alone does not. Counted by the reader from the source's own file (every country
-- it ranked on that element), never assumed; null where the source publishes no rank.
ALTER TABLE observation ADD COLUMN rank_of integer CHECK (rank_of IS NULL OR (rank_of >= 1 AND rank_of >= rank));
