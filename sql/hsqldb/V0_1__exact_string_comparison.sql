-- HSQLDB pads the shorter string with spaces before comparing by default, so '1.0 ' = '1.0'.
-- The APIs promise exact matches, as PostgreSQL gives them: turn padding off before any table exists.
SET DATABASE COLLATION SQL_TEXT NO PAD;
