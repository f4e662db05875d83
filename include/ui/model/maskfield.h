/*
 * maskfield.h: a private number in a form field (保密制度).  An ID or
 * phone number on file is shown masked ("139****5678") and kept aside; the
 * form saves it unchanged unless the field was typed into, and typing into
 * it replaces the masked text whole, so a mask is never mixed with digits.
 * After an audited reveal (svc_reveal()) the field may show the number in
 * full.  No database, no curses.
 */
#ifndef FD_UI_MODEL_MASKFIELD_H
#define FD_UI_MODEL_MASKFIELD_H

struct formmodel;

/* One private field of a form. */
struct maskfield {
	int field;   /* index of the field in the form */
	int phone;   /* 1: masked as a phone, 0: as an ID number */
	char *raw;   /* the number on file, "" for none */
	char *shown; /* what the field was given: masked, or in full */
};

/*
 * Put the number raw (NULL or "" for none) into field i of fm, masked
 * (mask_phone() when phone, else mask_idcard()).  The form is not marked
 * clean: call formmodel_mark_clean() after loading every field.  Free with
 * maskfield_release().
 */
void maskfield_set(struct maskfield *mf, struct formmodel *fm, int i,
    int phone, const char *raw);

/* The number in full (after an audited reveal): the field shows it, and
 * saving it unchanged saves it.  Showing does not make the form dirty. */
void maskfield_show(struct maskfield *mf, struct formmodel *fm,
    const char *full);

/* 1 when text is still what the field was given and stands for a number
 * on file (so it needs no check: the number was checked when stored). */
int maskfield_untouched(const struct maskfield *mf, const char *text);

/* The value to save: the number on file when the field is untouched, else
 * what was typed (trimmed).  Caller frees. */
char *maskfield_value(const struct maskfield *mf, const struct formmodel *fm);

/*
 * The field is about to be edited (a key that types or deletes, see
 * field_edits() in ui/field.h): when the cursor is on it and it still shows
 * the masked number, it is emptied first, so typing replaces the number
 * whole.  A number shown in full is edited like any text.
 * Returns 1 when the field was emptied, else 0.
 */
int maskfield_clear(struct maskfield *mf, struct formmodel *fm);

/* Check a phone field as it is left: 0 when untouched, else
 * phone_parse()'s answer (message set). */
int maskfield_check_phone(const struct maskfield *mf, const char *text);

/*
 * Check an ID field as it is left, for the document type id_type (enum
 * id_type): 0 when untouched; an ID card through idcard_parse(), a passport
 * or other document through idcard_other_parse(); a number with the type
 * "none" is refused.  Returns 0 or ERR_INVALID (message set).
 */
int maskfield_check_id(const struct maskfield *mf, int id_type,
    const char *text);

/* Free the copies. */
void maskfield_release(struct maskfield *mf);

#endif
