/*
 * scr_preview.h: a scrolling preview of a text to be printed (the reminder
 * notice): a box over the current screen with the text line by line;
 * Enter prints (answers ok), Esc closes (answers no).
 */
#ifndef FD_UI_SCR_PREVIEW_H
#define FD_UI_SCR_PREVIEW_H

#include "ui/screen.h"

/* What the preview shows (both copied at open). */
struct preview_arg {
	const char *title; /* translated: "催缴通知单（预览）" */
	const char *text;  /* UTF-8, lines ending in '\n' */
};

/* Opened with a struct preview_arg *.  Answers ok = 1 when the user
 * chose to print. */
extern const struct screen_ops scr_preview_ops;

#endif
