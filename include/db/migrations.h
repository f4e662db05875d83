/*
 * migrations.h: the schema steps, sql/NNNN_*.sql embedded in order by
 * scripts/embed-sql.sh.  migrations[i] takes the schema from version i to i+1.
 */
#ifndef FD_DB_MIGRATIONS_H
#define FD_DB_MIGRATIONS_H

extern const char *const migrations[];
extern const int nmigrations;

#endif
