-- partman4j store, version 2: a set may compute its boundaries in a zone of its own.
--
-- NULL (the default, and what every row written before this version has) keeps pg_partman's rule:
-- boundaries, names and truncation follow the session's TimeZone, which partman4j sets to the
-- database's default zone. pg_partman 5.4.4 added the same column under the same name.
ALTER TABLE ${schema}.part_config ADD COLUMN partition_timezone text;
