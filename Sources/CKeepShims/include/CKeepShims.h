// One C function per OpenSSL function-like macro that Swift cannot import. Nothing else belongs here,
// except constants that OpenSSL builds from function-like macros (SSL_OP_BIT) or from chains of `|` too long for
// Swift's macro importer: each is one `static const` line with the macro's own name.
#ifndef KEEP_CKEEPSHIMS_H
#define KEEP_CKEEPSHIMS_H
#include <stdint.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

long CKeepShims_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version); // macro in ssl.h
long CKeepShims_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version); // macro in ssl.h
long CKeepShims_SSL_CTX_set_session_cache_mode(SSL_CTX *ctx, long mode);  // macro in ssl.h
long CKeepShims_SSL_CTX_set_mode(SSL_CTX *ctx, long mode);                // macro in ssl.h
long CKeepShims_SSL_CTX_set_read_ahead(SSL_CTX *ctx, int yes);          // macro in ssl.h
long CKeepShims_SSL_set_tlsext_host_name(SSL *ssl, const char *name);     // macro in ssl.h

static const uint64_t CKeepShims_SSL_OP_NO_COMPRESSION = SSL_OP_NO_COMPRESSION;                     // SSL_OP_BIT(17)
static const uint64_t CKeepShims_SSL_OP_NO_RENEGOTIATION = SSL_OP_NO_RENEGOTIATION;                 // SSL_OP_BIT(30)
static const uint64_t CKeepShims_SSL_OP_NO_TICKET = SSL_OP_NO_TICKET;                               // SSL_OP_BIT(14)
static const uint64_t CKeepShims_SSL_OP_CIPHER_SERVER_PREFERENCE = SSL_OP_CIPHER_SERVER_PREFERENCE; // SSL_OP_BIT(22)
static const unsigned long CKeepShims_XN_FLAG_RFC2253 = XN_FLAG_RFC2253;                            // 9-term `|` chain
#endif
