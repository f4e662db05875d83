/*
 * progress.c: the text of a progress bar.  No curses.
 */
#include "ui/model/progress.h"

#include <stdio.h>

void
progress_bar(char *buf, size_t bufsz, int width, long done, long total)
{
	int inner = width - 7, fill, pct, i, k = 0;

	if (inner < 1 || bufsz < (size_t)width + 1) {
		if (bufsz > 0)
			buf[0] = '\0';
		return;
	}
	if (total <= 0 || done < 0)
		pct = 0;
	else if (done >= total)
		pct = 100;
	else
		pct = (int)((double)done * 100.0 / (double)total);
	fill = inner * pct / 100;
	buf[k++] = '[';
	for (i = 0; i < inner; i++)
		buf[k++] = i < fill ? '#' : '.';
	snprintf(buf + k, bufsz - (size_t)k, "] %3d%%", pct);
}
