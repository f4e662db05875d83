/*
 * secure.h: the libsodium module: password hashing (argon2id), the audit
 * chain's hash (BLAKE2b), wiping secrets.  The only file that includes
 * <sodium.h>.
 */
#ifndef FD_UTIL_SECURE_H
#define FD_UTIL_SECURE_H

#include <stddef.h>

#define SECURE_HASH_BYTES 32
#define SECURE_PWHASH_BYTES 128 /* crypto_pwhash_STRBYTES */

/* Initialise libsodium; 0 or ERR_IO (no entropy).  Safe to call again. */
int secure_init(void);

/*
 * Hash a password with argon2id (interactive limits: slow on purpose).
 * OUT: out, a NUL-terminated "$argon2id$..." string.  0 or ERR_NOMEM.
 */
int secure_pw_hash(char out[SECURE_PWHASH_BYTES], const char *password);

/* 1 when password matches stored, else 0 (also for a malformed hash). */
int secure_pw_verify(const char *stored, const char *password);

/* Running BLAKE2b-256 over length-prefixed fields. */
struct secure_chain {
	_Alignas(64) unsigned char state[384]; /* crypto_generichash_state */
};

void secure_chain_init(struct secure_chain *c);
/* Add one field: its length, then its bytes, so fields cannot run together. */
void secure_chain_add(struct secure_chain *c, const void *p, size_t n);
void secure_chain_final(struct secure_chain *c,
    unsigned char out[SECURE_HASH_BYTES]);

/* Zero n bytes at p in a way the compiler keeps. */
void secure_wipe(void *p, size_t n);

/* Lower-case hex of n bytes into out (2n+1 bytes). */
void secure_hex(char *out, const unsigned char *p, size_t n);

#endif
