/*
 * fsutil.c: XDG paths, parent folders, network file-system detection.
 */
#include "util/fsutil.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include "util/err.h"

/* statfs f_type magic numbers of network file systems (linux/magic.h). */
static const long network_magic[] = {
	0x6969,     /* NFS */
	0xFF534D42, /* CIFS */
	0xFE534D42, /* SMB2 */
	0x517B,     /* SMB */
	0x01021997, /* 9p (v9fs) */
	0x65735546, /* FUSE (sshfs and friends) */
	0x564c,     /* NCP */
	0x73757245, /* CODA */
	0x6B414653, /* AFS */
	0x47504653, /* GPFS */
	0x0BD00BD0, /* Lustre */
	0x19830326, /* FhGFS/BeeGFS */
	0x00c36400, /* CEPH */
};

int
fs_xdg_path(char *buf, size_t bufsz, const char *envvar, const char *fallback,
    const char *name)
{
	const char *base = getenv(envvar);
	const char *home = getenv("HOME");
	int n;

	if (base != NULL && base[0] == '/')
		n = snprintf(buf, bufsz, "%s/frontdesk/%s", base, name);
	else if (home != NULL && home[0] != '\0')
		n = snprintf(buf, bufsz, "%s/%s/frontdesk/%s", home, fallback,
		    name);
	else
		return ERR_IO;
	if (n < 0 || (size_t)n >= bufsz)
		return ERR_IO;
	return 0;
}

int
fs_mkdirs_for(const char *path)
{
	char tmp[PATH_MAX];
	char *p;

	if (strlen(path) >= sizeof tmp)
		return ERR_IO;
	strcpy(tmp, path);
	if ((p = strrchr(tmp, '/')) == NULL || p == tmp)
		return 0;
	*p = '\0';
	for (p = tmp + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
			return ERR_IO;
		*p = '/';
	}
	if (mkdir(tmp, 0755) != 0 && errno != EEXIST)
		return ERR_IO;
	return 0;
}

int
fs_is_network(const char *path)
{
	char dir[PATH_MAX];
	struct statfs sf;
	char *slash;
	size_t i;

	if (strlen(path) >= sizeof dir)
		return 0;
	strcpy(dir, path);
	if (statfs(dir, &sf) != 0) {
		if ((slash = strrchr(dir, '/')) == NULL)
			strcpy(dir, ".");
		else if (slash == dir)
			dir[1] = '\0';
		else
			*slash = '\0';
		if (statfs(dir, &sf) != 0)
			return 0;
	}
	for (i = 0; i < sizeof network_magic / sizeof network_magic[0]; i++)
		if ((unsigned long)sf.f_type ==
		    (unsigned long)network_magic[i])
			return 1;
	return 0;
}

int
fs_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}
