/*
 * secure.c: libsodium behind a small interface.  Nothing else includes
 * <sodium.h>.
 */
#include "util/secure.h"

#include <stdint.h>
#include <string.h>

#include <sodium.h>

#include "util/err.h"
#include "util/i18n.h"

_Static_assert(SECURE_PWHASH_BYTES == crypto_pwhash_STRBYTES,
    "argon2 string size");
_Static_assert(sizeof(struct secure_chain) >= sizeof(crypto_generichash_state) &&
	_Alignof(struct secure_chain) >= _Alignof(crypto_generichash_state),
    "chain state size");

int
secure_init(void)
{
	if (sodium_init() < 0)
		return err_set(ERR_IO, _("cannot initialise the cryptography "
					 "library"));
	return 0;
}

int
secure_pw_hash(char out[SECURE_PWHASH_BYTES], const char *password)
{
	if (secure_init() != 0)
		return ERR_IO;
	if (crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(ERR_NOMEM, _("not enough memory to hash the "
					    "password"));
	return 0;
}

int
secure_pw_verify(const char *stored, const char *password)
{
	if (secure_init() != 0 || stored == NULL)
		return 0;
	return crypto_pwhash_str_verify(stored, password, strlen(password)) ==
	       0;
}

/* The struct is sized and aligned as sodium's state (checked above). */
static crypto_generichash_state *
chain_state(struct secure_chain *c)
{
	return (crypto_generichash_state *)(void *)c->state;
}

void
secure_chain_init(struct secure_chain *c)
{
	secure_init();
	crypto_generichash_init(chain_state(c), NULL, 0, SECURE_HASH_BYTES);
}

void
secure_chain_add(struct secure_chain *c, const void *p, size_t n)
{
	unsigned char len[8];
	uint64_t v = n;
	int i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(v >> (8 * i));
	crypto_generichash_update(chain_state(c), len, sizeof len);
	if (n > 0)
		crypto_generichash_update(chain_state(c), p, n);
}

void
secure_chain_final(struct secure_chain *c, unsigned char out[SECURE_HASH_BYTES])
{
	crypto_generichash_final(chain_state(c), out, SECURE_HASH_BYTES);
}

void
secure_wipe(void *p, size_t n)
{
	sodium_memzero(p, n);
}

void
secure_hex(char *out, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hex[p[i] >> 4];
		out[2 * i + 1] = hex[p[i] & 15];
	}
	out[2 * n] = '\0';
}
