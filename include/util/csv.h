/*
 * csv.h: comma-separated values as Excel reads and writes them (RFC 4180),
 * for imports and exports.  No database, no curses.
 *
 * Reading takes a whole file: it must be known to be one encoding before the
 * first record is handed out, so that a GB18030 file is never half-read as
 * UTF-8.  The encoding is chosen once per file:
 *   - a UTF-8 byte order mark, or text that is valid UTF-8 throughout: UTF-8;
 *   - otherwise GB18030 (what Chinese Excel saves as "CSV (逗号分隔)"),
 *     converted with iconv(3) -- unless the text is mostly valid UTF-8 with
 *     a few broken sequences (more valid multibyte UTF-8 characters than
 *     invalid bytes), which is a damaged UTF-8 file: guessing GB18030 there
 *     would import mojibake, so it is refused at its first bad line;
 *   - text that is neither is refused with the line of the first bad byte.
 * NUL bytes, UTF-16 files and Excel workbooks (.xlsx, .xls) are refused with
 * a message saying how to save the file as CSV.
 *
 * Records: fields separated by ',', a record ends at CRLF, LF or a lone CR
 * (and at the end of the file, with or without a final line end).  A field in
 * double quotes may hold commas, line ends and doubled quotes ""; a line end
 * inside quotes is read as LF.  A quote inside an unquoted field is taken as
 * it is (as Excel does); anything but ',' or a line end after a closing quote
 * is an error.  Empty lines are skipped.  Rows may have any number of fields
 * (ragged rows are the caller's business).  Every record knows the line it
 * starts on, for "FILE:LINE: what is wrong" messages.
 *
 * Writing: a UTF-8 byte order mark first (so that Excel opens the file as
 * UTF-8), CRLF after each row, quotes only around fields that need them (a
 * comma, a quote, a line end, or a blank at either end); a row of one empty
 * field is written as "" so that it does not read back as an empty line.
 *
 * Formula injection (CSV injection): a text field whose value starts with
 * = + - @ TAB or CR would be run as a formula by Excel or WPS when the file
 * is opened.  The writer puts an apostrophe before such a value ('=1+2), and
 * before a value that already starts with apostrophes followed by one of
 * those characters, so the mapping can be undone exactly: csv_unguard()
 * (or CSV_READ_UNGUARD) takes one apostrophe away again.  Excel shows the
 * apostrophe; that is the price of not running a stranger's formula.
 * Numbers we formatted ourselves (CSV_NUMBER, e.g. "-12.50") are written
 * as they are.
 *
 * Long digit strings: Excel turns an 18-digit ID number into 1.10101E+17
 * (and loses the last three digits when the file is saved), drops leading
 * zeros and reads 1-1-1901 as a date.  A CSV_KEEP_TEXT field made only of
 * digits and hyphens is written with a TAB before it, which makes Excel and
 * WPS keep it as text; csv_unguard() removes that TAB.
 */
#ifndef FD_UTIL_CSV_H
#define FD_UTIL_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "util/strbuf.h"

/* Largest file read: 256 MiB. */
#define CSV_FILE_MAX ((size_t)256 * 1024 * 1024)
/* Largest field, in bytes of UTF-8: 32 KiB. */
#define CSV_FIELD_MAX ((size_t)32 * 1024)
/* Largest record, in bytes of UTF-8 (all fields together): 256 KiB. */
#define CSV_RECORD_MAX ((size_t)256 * 1024)
/* Most fields in one record. */
#define CSV_FIELDS_MAX 256

/* The encoding a file was read in. */
enum csv_encoding {
	CSV_UTF8,     /* UTF-8 without a byte order mark (or plain ASCII) */
	CSV_UTF8_BOM, /* UTF-8 with a byte order mark (Excel's "CSV UTF-8") */
	CSV_GB18030,  /* GB18030 (GBK, GB2312), converted to UTF-8 */
};

/* Reader flags. */
enum csv_read_flags {
	CSV_READ_UNGUARD = 1 << 0, /* csv_unguard() every field */
};

/* A CSV file being read, one record at a time. */
struct csv_reader {
	char *name;             /* the file name for messages (owned) */
	char *text;             /* the whole file as UTF-8, without BOM */
	size_t len;             /* bytes in text */
	size_t pos;             /* next byte to read */
	long line;              /* physical line of text[pos], from 1 */
	unsigned flags;         /* enum csv_read_flags */
	enum csv_encoding enc;  /* what the file was */
	int failed;             /* a syntax error was met: no more records */
	struct strbuf rec;      /* the current record's fields, NUL-separated */
	size_t *offs;           /* start of each field in rec.buf */
	size_t aoffs;           /* offs allocated */
	/* The current record, valid until the next csv_read(): */
	char **fields;          /* nfields NUL-terminated UTF-8 strings */
	size_t nfields;         /* at least 1 */
	long rec_line;          /* the line the record starts on */
};

/*
 * Read the file at path and decide its encoding.  name is how messages
 * call the file (usually path as given).  OUT: *r, freed with
 * csv_reader_release() (also after a failure).
 * Returns 0; ERR_IO (message "FILE: cannot read: why") when the file cannot
 * be read or is larger than CSV_FILE_MAX; ERR_INVALID with "FILE:LINE: what
 * is wrong" for a NUL byte, an encoding that is neither UTF-8 nor GB18030,
 * UTF-16, or a spreadsheet workbook.
 */
int csv_reader_open(struct csv_reader *r, const char *path, unsigned flags);

/*
 * As csv_reader_open() on len bytes at data (copied), called name in
 * messages.  Returns 0 or ERR_INVALID (message set); *r is always
 * initialised.
 */
int csv_reader_mem(struct csv_reader *r, const char *name, const void *data,
    size_t len, unsigned flags);

/*
 * Read the next record into r->fields, r->nfields and r->rec_line.
 * Returns 1 for a record, 0 at the end of the file, or ERR_INVALID with
 * "FILE:LINE: what is wrong" (a quote that never closes, text after a
 * closing quote, a field, record or field count over the limits); after an
 * error every further call returns the error again.
 */
int csv_read(struct csv_reader *r);

/* Free what r holds; r can be opened again. */
void csv_reader_release(struct csv_reader *r);

/* "UTF-8", "UTF-8 with BOM" or "GB18030": for reports and logs. */
const char *csv_encoding_name(enum csv_encoding enc);

/*
 * Undo what the writer did to a text field, in place: one apostrophe is
 * taken from a value made of apostrophes followed by = + - @ TAB or CR,
 * and a TAB before a value made only of digits and hyphens is dropped.
 * Returns s.
 */
char *csv_unguard(char *s);

/* How the writer treats a field. */
enum csv_field_flags {
	CSV_TEXT = 0,           /* text: formula-guarded */
	CSV_NUMBER = 1 << 0,    /* a number we formatted (-?digits[.digits]):
	                           as it is; anything else is guarded */
	CSV_KEEP_TEXT = 1 << 1, /* digits meant as text (ID, phone, house
	                           number): a TAB keeps Excel off them */
};

/*
 * Append one field to sb as CSV: guarded and quoted as flags and its
 * content need (see the top of this file), without a separator.
 * s NULL is an empty field.
 */
void csv_append_field(struct strbuf *sb, const char *s, unsigned flags);

/* A CSV file being written. */
struct csv_writer {
	FILE *fp;          /* borrowed: the caller opens and closes it */
	struct strbuf row; /* the row being built */
	int nfields;       /* fields in row so far */
	int failed;        /* a write failed */
};

/* Start writing to fp: writes the UTF-8 byte order mark. */
void csv_writer_init(struct csv_writer *w, FILE *fp);

/* Add one field to the current row (flags: enum csv_field_flags). */
void csv_writer_field(struct csv_writer *w, const char *s, unsigned flags);

/*
 * End the current row with CRLF and write it out.
 * Returns 0, or ERR_IO (message set) when writing failed.
 */
int csv_writer_end_row(struct csv_writer *w);

/*
 * Flush fp and free the row buffer.  Returns 0, or ERR_IO (message set)
 * when any write failed.  fp stays open.
 */
int csv_writer_finish(struct csv_writer *w);

#endif
