/*
 * csv.c: RFC 4180 reading and writing for imports and exports (csv.h says
 * what is accepted and why).  Works on a whole file in memory: the encoding
 * is decided on all of it before the first record is read, and GB18030 is
 * converted to UTF-8 with iconv(3) in one go.  No database, no curses.
 */
#include "util/csv.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

#define CSV_BOM "\xef\xbb\xbf"
#define CSV_GB_BOM "\x84\x31\x95\x33"

/* ---- messages --------------------------------------------------------- */

/* Set "NAME:LINE: reason" as an ERR_INVALID message and return the code. */
static int __attribute__((format(printf, 3, 4)))
csv_error(const char *name, long line, const char *fmt, ...)
{
	char reason[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	return err_set(ERR_INVALID, "%s:%ld: %s", name, line, reason);
}

/* The physical line of byte off in buf: CRLF, LF and a lone CR end one. */
static long
csv_line_of(const char *buf, size_t off)
{
	long line = 1;
	size_t i;

	for (i = 0; i < off; i++) {
		if (buf[i] == '\n')
			line++;
		else if (buf[i] == '\r' && (i + 1 >= off || buf[i + 1] != '\n'))
			line++;
	}
	return line;
}

const char *
csv_encoding_name(enum csv_encoding enc)
{
	switch (enc) {
	case CSV_UTF8: return "UTF-8";
	case CSV_UTF8_BOM: return "UTF-8 with BOM";
	case CSV_GB18030: return "GB18030";
	}
	return "?";
}

/* ---- encoding --------------------------------------------------------- */

/* What a UTF-8 scan of a buffer found. */
struct csv_scan {
	size_t nmulti;   /* valid multibyte characters */
	size_t nbad;     /* invalid bytes (each resynchronised on) */
	size_t firstbad; /* offset of the first invalid byte */
};

/* Scan buf for UTF-8 validity. */
static void
csv_scan_utf8(const char *buf, size_t len, struct csv_scan *sc)
{
	wchar_t wc;
	size_t i = 0;
	int n;

	memset(sc, 0, sizeof *sc);
	while (i < len) {
		if ((unsigned char)buf[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_decode(buf + i, len - i, &wc)) > 0) {
			sc->nmulti++;
			i += (size_t)n;
			continue;
		}
		if (sc->nbad++ == 0)
			sc->firstbad = i;
		i++;
	}
}

/*
 * Convert len bytes of GB18030 at buf to UTF-8.  OUT: *out (caller frees),
 * *outlen, only on success.  Returns 0, or 1 + the offset of the first byte
 * that is not GB18030 (or of a character cut off by the end of the file).
 */
static size_t
csv_from_gb18030(const char *buf, size_t len, char **out, size_t *outlen)
{
	iconv_t cd;
	char *in = (char *)buf, *o, *res;
	size_t inleft = len, oleft, alloc, bad = 0;

	*out = NULL;
	*outlen = 0;
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return 1; /* no converter: say the first byte is bad */
	alloc = len + len / 2 + 16;
	res = xmalloc(alloc);
	o = res;
	oleft = alloc - 1;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - res);

			alloc *= 2;
			res = xrealloc(res, alloc);
			o = res + used;
			oleft = alloc - used - 1;
			continue;
		}
		bad = (size_t)(in - buf) + 1; /* EILSEQ or EINVAL (cut off) */
		break;
	}
	iconv_close(cd);
	if (bad != 0) {
		free(res);
		return bad;
	}
	*o = '\0';
	*out = res;
	*outlen = (size_t)(o - res);
	return 0;
}

/* Refuse what is plainly not a CSV text file, with how to make one. */
static int
csv_check_kind(const char *name, const char *buf, size_t len)
{
	const char *nul;

	if (len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0)
		return csv_error(name, 1, "%s", _("this is an Excel workbook "
		    "(.xlsx), not CSV: in Excel use Save As, CSV UTF-8"));
	if (len >= 8 && memcmp(buf, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
		return csv_error(name, 1, "%s", _("this is an old Excel "
		    "workbook (.xls), not CSV: in Excel use Save As, CSV UTF-8"));
	if (len >= 2 && (memcmp(buf, "\xff\xfe", 2) == 0 ||
	    memcmp(buf, "\xfe\xff", 2) == 0))
		return csv_error(name, 1, "%s", _("this file is UTF-16 "
		    "(Unicode text): save it as CSV UTF-8"));
	if ((nul = memchr(buf, '\0', len)) != NULL)
		return csv_error(name, csv_line_of(buf, (size_t)(nul - buf)),
		    "%s", _("the line holds a NUL byte: this is not a text "
		    "file; save it as CSV UTF-8"));
	return 0;
}

/* Decide the encoding of raw (len bytes) and store it in r as UTF-8. */
static int
csv_decode(struct csv_reader *r, const char *raw, size_t len)
{
	struct csv_scan sc;
	size_t bad, outlen;
	char *out;
	int rc;

	if ((rc = csv_check_kind(r->name, raw, len)) != 0)
		return rc;
	if (len >= 3 && memcmp(raw, CSV_BOM, 3) == 0) {
		r->enc = CSV_UTF8_BOM;
		raw += 3;
		len -= 3;
	} else
		r->enc = CSV_UTF8;
	csv_scan_utf8(raw, len, &sc);
	if (sc.nbad > 0 && (r->enc == CSV_UTF8_BOM || sc.nmulti > sc.nbad))
		return csv_error(r->name, csv_line_of(raw, sc.firstbad), "%s",
		    _("the line is not valid UTF-8 (the rest of the file is): "
		    "fix it or save the file again as CSV UTF-8"));
	if (sc.nbad == 0) {
		r->text = xmalloc(len + 1);
		memcpy(r->text, raw, len);
		r->text[len] = '\0';
		r->len = len;
		return 0;
	}
	if ((bad = csv_from_gb18030(raw, len, &out, &outlen)) != 0)
		return csv_error(r->name, csv_line_of(raw, bad - 1), "%s",
		    _("the line is neither UTF-8 nor GB18030 text: save the "
		    "file as CSV UTF-8"));
	r->enc = CSV_GB18030;
	r->text = out;
	r->len = outlen;
	if (len >= 4 && memcmp(raw, CSV_GB_BOM, 4) == 0) {
		/* The GB18030 byte order mark came out as U+FEFF. */
		memmove(r->text, r->text + 3, r->len - 3 + 1);
		r->len -= 3;
	}
	return 0;
}

/* ---- reader ----------------------------------------------------------- */

/* Set every member of r to empty. */
static void
csv_reader_init(struct csv_reader *r, const char *name, unsigned flags)
{
	memset(r, 0, sizeof *r);
	r->name = xstrdup(name);
	r->line = 1;
	r->flags = flags;
	strbuf_init(&r->rec);
}

int
csv_reader_mem(struct csv_reader *r, const char *name, const void *data,
    size_t len, unsigned flags)
{
	int rc;

	csv_reader_init(r, name, flags);
	if ((rc = csv_decode(r, data, len)) != 0)
		r->failed = rc;
	return rc;
}

int
csv_reader_open(struct csv_reader *r, const char *path, unsigned flags)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, alloc;
	ssize_t n;
	int fd, rc = ERR_IO;

	csv_reader_init(r, path, flags);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &st) != 0) {
		rc = err_set(ERR_IO, _("%s: cannot read: %s"), path,
		    strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		rc = err_set(ERR_IO, _("%s: cannot read: %s"), path,
		    strerror(EISDIR));
		goto out;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > CSV_FILE_MAX)
		goto toobig;
	alloc = 64 * 1024;
	buf = xmalloc(alloc);
	for (;;) {
		if (len == alloc) {
			if (alloc > CSV_FILE_MAX)
				goto toobig;
			alloc = alloc * 2 > CSV_FILE_MAX ? CSV_FILE_MAX + 1
							 : alloc * 2;
			buf = xrealloc(buf, alloc);
		}
		if ((n = read(fd, buf + len, alloc - len)) == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = err_set(ERR_IO, _("%s: cannot read: %s"), path,
			    strerror(errno));
			goto out;
		}
		len += (size_t)n;
	}
	rc = csv_decode(r, buf, len);
	goto out;
toobig:
	rc = err_set(ERR_IO, _("%s: cannot read: the file is larger than %zu "
	    "MB; split it"), path, CSV_FILE_MAX / (1024 * 1024));
out:
	if (rc != 0)
		r->failed = rc;
	if (fd != -1)
		close(fd);
	free(buf);
	return rc;
}

void
csv_reader_release(struct csv_reader *r)
{
	FREE(&r->name);
	FREE(&r->text);
	FREE(&r->offs);
	FREE(&r->fields);
	strbuf_release(&r->rec);
	r->len = r->pos = r->nfields = r->aoffs = 0;
}

/* 1 when c ends a line (CR or LF). */
static int
csv_eol(int c)
{
	return c == '\r' || c == '\n';
}

/* Step over the line end at r->pos (CRLF, LF or CR). */
static void
csv_skip_eol(struct csv_reader *r)
{
	if (r->text[r->pos] == '\r' && r->pos + 1 < r->len &&
	    r->text[r->pos + 1] == '\n')
		r->pos++;
	r->pos++;
	r->line++;
}

/* Add byte c to the field being read, within the limits. */
static int
csv_put(struct csv_reader *r, int c, size_t fieldstart)
{
	if (r->rec.len - fieldstart >= CSV_FIELD_MAX)
		return csv_error(r->name, r->line, _("a field is longer than "
		    "%zu KB: is this the right file?"), CSV_FIELD_MAX / 1024);
	if (r->rec.len >= CSV_RECORD_MAX)
		return csv_error(r->name, r->rec_line, _("the record is "
		    "longer than %zu KB: is this the right file?"),
		    CSV_RECORD_MAX / 1024);
	strbuf_addch(&r->rec, c);
	return 0;
}

/* Read a quoted field; r->pos is on the opening quote. */
static int
csv_quoted(struct csv_reader *r, size_t start)
{
	long qline = r->line;
	int c, rc;

	r->pos++;
	for (;;) {
		if (r->pos >= r->len)
			return csv_error(r->name, qline, "%s", _("a quoted "
			    "field starts here and never ends: a \" is "
			    "missing"));
		c = (unsigned char)r->text[r->pos];
		if (c == '"') {
			if (r->pos + 1 < r->len && r->text[r->pos + 1] == '"') {
				r->pos += 2;
				if ((rc = csv_put(r, '"', start)) != 0)
					return rc;
				continue;
			}
			r->pos++;
			break;
		}
		if (csv_eol(c)) {
			csv_skip_eol(r);
			c = '\n';
		} else
			r->pos++;
		if ((rc = csv_put(r, c, start)) != 0)
			return rc;
	}
	if (r->pos < r->len && r->text[r->pos] != ',' &&
	    !csv_eol(r->text[r->pos]))
		return csv_error(r->name, r->line, "%s", _("text after a "
		    "closing quote: put the whole field in quotes and double "
		    "any \" inside it"));
	return 0;
}

/* Read an unquoted field up to ',' or a line end. */
static int
csv_plain(struct csv_reader *r, size_t start)
{
	int c, rc;

	while (r->pos < r->len) {
		c = (unsigned char)r->text[r->pos];
		if (c == ',' || csv_eol(c))
			break;
		if ((rc = csv_put(r, c, start)) != 0)
			return rc;
		r->pos++;
	}
	return 0;
}

/* Close the field that started at start. */
static int
csv_end_field(struct csv_reader *r, size_t start)
{
	if (r->nfields == CSV_FIELDS_MAX)
		return csv_error(r->name, r->rec_line, _("the record has more "
		    "than %d fields: is this the right file?"),
		    CSV_FIELDS_MAX);
	if (r->nfields == r->aoffs) {
		r->aoffs = r->aoffs ? r->aoffs * 2 : 16;
		r->offs = xreallocarray(r->offs, r->aoffs, sizeof *r->offs);
	}
	r->offs[r->nfields++] = start;
	strbuf_addch(&r->rec, '\0');
	return 0;
}

/* Point r->fields into r->rec once the record is complete. */
static void
csv_finish_record(struct csv_reader *r)
{
	size_t i;

	r->fields = xreallocarray(r->fields, r->nfields + 1,
	    sizeof *r->fields);
	for (i = 0; i < r->nfields; i++) {
		r->fields[i] = r->rec.buf + r->offs[i];
		if (r->flags & CSV_READ_UNGUARD)
			csv_unguard(r->fields[i]);
	}
	r->fields[r->nfields] = NULL;
}

int
csv_read(struct csv_reader *r)
{
	size_t start;
	int rc;

	if (r->failed)
		return r->failed;
	strbuf_reset(&r->rec);
	r->nfields = 0;
	while (r->pos < r->len && csv_eol(r->text[r->pos]))
		csv_skip_eol(r); /* empty lines */
	if (r->pos >= r->len)
		return 0;
	r->rec_line = r->line;
	for (;;) {
		start = r->rec.len;
		if (r->text[r->pos] == '"')
			rc = csv_quoted(r, start);
		else
			rc = csv_plain(r, start);
		if (rc == 0)
			rc = csv_end_field(r, start);
		if (rc != 0) {
			r->failed = rc;
			r->nfields = 0;
			return rc;
		}
		if (r->pos >= r->len)
			break;
		if (r->text[r->pos] != ',') {
			csv_skip_eol(r);
			break;
		}
		r->pos++;
		if (r->pos >= r->len) {
			/* "a,b," at the very end: one more, empty field */
			start = r->rec.len;
			if ((rc = csv_end_field(r, start)) != 0) {
				r->failed = rc;
				return rc;
			}
			break;
		}
	}
	csv_finish_record(r);
	return 1;
}

/* ---- guarding --------------------------------------------------------- */

/* 1 when c makes Excel read a cell as a formula. */
static int
csv_formula_char(int c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	    c == '\r';
}

/* 1 when s is apostrophes (at least min of them) then a formula char. */
static int
csv_formula_like(const char *s, size_t min)
{
	size_t n = 0;

	while (s[n] == '\'')
		n++;
	return n >= min && csv_formula_char((unsigned char)s[n]);
}

/* 1 when s is non-empty and only digits and hyphens. */
static int
csv_digits_like(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!(*s >= '0' && *s <= '9') && *s != '-')
			return 0;
	return 1;
}

/* 1 when s is -?digits[.digits]. */
static int
csv_number_like(const char *s)
{
	if (*s == '-')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9'))
			return 0;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

char *
csv_unguard(char *s)
{
	if (csv_formula_like(s, 1))
		memmove(s, s + 1, strlen(s));
	else if (s[0] == '\t' && csv_digits_like(s + 1))
		memmove(s, s + 1, strlen(s));
	return s;
}

/* ---- writer ----------------------------------------------------------- */

/* 1 when the field must be quoted. */
static int
csv_needs_quotes(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return 0;
	if (strpbrk(s, ",\"\r\n") != NULL)
		return 1;
	return s[0] == ' ' || s[n - 1] == ' ' || s[0] == '\t' ||
	    s[n - 1] == '\t';
}

void
csv_append_field(struct strbuf *sb, const char *s, unsigned flags)
{
	struct strbuf v = STRBUF_INIT;
	const char *p;

	if (s == NULL)
		s = "";
	if ((flags & CSV_NUMBER) && csv_number_like(s))
		strbuf_adds(&v, s);
	else if ((flags & CSV_KEEP_TEXT) && csv_digits_like(s)) {
		strbuf_addch(&v, '\t');
		strbuf_adds(&v, s);
	} else {
		if (csv_formula_like(s, 0))
			strbuf_addch(&v, '\'');
		strbuf_adds(&v, s);
	}
	if (!csv_needs_quotes(v.buf)) {
		strbuf_add(sb, v.buf, v.len);
		goto out;
	}
	strbuf_addch(sb, '"');
	for (p = v.buf; *p != '\0'; p++) {
		if (*p == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '"');
out:
	strbuf_release(&v);
}

void
csv_writer_init(struct csv_writer *w, FILE *fp)
{
	w->fp = fp;
	strbuf_init(&w->row);
	w->nfields = 0;
	w->failed = fputs(CSV_BOM, fp) == EOF;
}

void
csv_writer_field(struct csv_writer *w, const char *s, unsigned flags)
{
	if (w->nfields++ > 0)
		strbuf_addch(&w->row, ',');
	csv_append_field(&w->row, s, flags);
}

int
csv_writer_end_row(struct csv_writer *w)
{
	/* One empty field is "", else the row would be an empty line. */
	if (w->nfields == 1 && w->row.len == 0)
		strbuf_add(&w->row, "\"\"", 2);
	strbuf_add(&w->row, "\r\n", 2);
	if (fwrite(w->row.buf, 1, w->row.len, w->fp) != w->row.len)
		w->failed = 1;
	strbuf_reset(&w->row);
	w->nfields = 0;
	if (w->failed)
		return err_set(ERR_IO, _("cannot write the CSV file: %s"),
		    strerror(errno));
	return 0;
}

int
csv_writer_finish(struct csv_writer *w)
{
	int bad = w->failed;

	if (fflush(w->fp) != 0 || ferror(w->fp))
		bad = 1;
	strbuf_release(&w->row);
	if (bad)
		return err_set(ERR_IO, _("cannot write the CSV file: %s"),
		    errno != 0 ? strerror(errno) : _("write error"));
	return 0;
}
