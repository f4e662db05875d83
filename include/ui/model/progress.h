/*
 * progress.h: the text of a progress bar, without a terminal (tested in
 * tests/ui/test_progress.c; drawn by the progress dialog).
 */
#ifndef FD_UI_MODEL_PROGRESS_H
#define FD_UI_MODEL_PROGRESS_H

#include <stddef.h>

/*
 * "[#####.....]  50%" of done/total in exactly width columns (ASCII, so
 * it is as wide on every terminal) into buf.  done is clamped to
 * 0..total; total <= 0 shows 0%.  buf becomes "" when width < 8 or buf
 * is smaller than width + 1.
 */
void progress_bar(char *buf, size_t bufsz, int width, long done, long total);

#endif
