/*
 * fuzz_csv.c: libFuzzer target for util/csv.c.  The input is a CSV file in
 * any encoding.  The reader must refuse it with a "NAME:LINE: " message or
 * give records within the limits, as valid UTF-8, with lines that never go
 * back; what it read, written with the writer (formula guard and all) and
 * read again with CSV_READ_UNGUARD, must come back field for field.  Any
 * violation abort()s.  Built by scripts/fuzz.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/csv.h"
#include "util/err.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Records read once, kept for the comparison. */
struct rows {
	char **cells; /* every field of every record, in order */
	size_t *nfields;
	size_t ncells, nrows;
};

/* Keep a copy of r's current record. */
static void
rows_add(struct rows *t, const struct csv_reader *r)
{
	size_t i;

	t->nfields = realloc(t->nfields, (t->nrows + 1) * sizeof *t->nfields);
	t->cells = realloc(t->cells, (t->ncells + r->nfields) *
	    sizeof *t->cells);
	if (t->nfields == NULL || t->cells == NULL)
		abort();
	t->nfields[t->nrows++] = r->nfields;
	for (i = 0; i < r->nfields; i++)
		if ((t->cells[t->ncells++] = strdup(r->fields[i])) == NULL)
			abort();
}

static void
rows_free(struct rows *t)
{
	size_t i;

	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->nfields);
}

/* Read every record of r into t; 0 at the end, <0 on a refusal. */
static int
read_all(struct csv_reader *r, struct rows *t)
{
	long last = 0;
	size_t i, total;
	int rc;

	while ((rc = csv_read(r)) == 1) {
		if (r->nfields < 1 || r->nfields > CSV_FIELDS_MAX ||
		    r->rec_line <= last || r->fields[r->nfields] != NULL)
			abort();
		last = r->rec_line;
		total = 0;
		for (i = 0; i < r->nfields; i++) {
			size_t n = strlen(r->fields[i]);

			if (n > CSV_FIELD_MAX || !utf8_valid(r->fields[i], n))
				abort();
			total += n;
		}
		if (total > CSV_RECORD_MAX)
			abort();
		rows_add(t, r);
	}
	if (rc < 0 && strncmp(err_msg(), "in.csv:", 7) != 0 &&
	    strncmp(err_msg(), "out.csv:", 8) != 0)
		abort();
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rows first = {0}, again = {0};
	struct csv_reader r;
	struct csv_writer w;
	char *buf = NULL;
	size_t len = 0, i, j, c;
	FILE *fp;

	if (csv_reader_mem(&r, "in.csv", data, size, 0) != 0) {
		if (strncmp(err_msg(), "in.csv:", 7) != 0 ||
		    csv_read(&r) >= 0)
			abort();
		csv_reader_release(&r);
		return 0;
	}
	if (read_all(&r, &first) < 0) {
		csv_reader_release(&r);
		rows_free(&first);
		return 0;
	}
	csv_reader_release(&r);

	if ((fp = open_memstream(&buf, &len)) == NULL)
		abort();
	csv_writer_init(&w, fp);
	for (i = 0, c = 0; i < first.nrows; i++) {
		for (j = 0; j < first.nfields[i]; j++)
			csv_writer_field(&w, first.cells[c++], CSV_TEXT);
		if (csv_writer_end_row(&w) != 0)
			abort();
	}
	if (csv_writer_finish(&w) != 0 || fclose(fp) != 0)
		abort();
	if (csv_reader_mem(&r, "out.csv", buf, len, CSV_READ_UNGUARD) != 0 ||
	    r.enc != CSV_UTF8_BOM)
		abort();
	/* The limits may refuse what the guard made longer: then stop. */
	if (read_all(&r, &again) == 0) {
		if (again.nrows != first.nrows || again.ncells != first.ncells)
			abort();
		for (i = 0; i < first.nrows; i++)
			if (again.nfields[i] != first.nfields[i])
				abort();
		for (c = 0; c < first.ncells; c++)
			if (strcmp(first.cells[c], again.cells[c]) != 0)
				abort();
	}
	csv_reader_release(&r);
	rows_free(&first);
	rows_free(&again);
	free(buf);
	return 0;
}
