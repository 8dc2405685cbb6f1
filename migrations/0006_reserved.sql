-- Number 0006 belongs to another branch (issue 14, feeds). This branch
-- (issue 15) keeps the sequence whole with this file, which changes
-- nothing; drop it when the two meet.
SELECT 1;
