// One C function per OpenSSL function-like macro that Swift cannot import. Nothing else belongs here.
#ifndef KEEP_CKEEPSHIMS_H
#define KEEP_CKEEPSHIMS_H
#include <openssl/ssl.h>

long CKeepShims_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version); // macro in ssl.h
long CKeepShims_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version); // macro in ssl.h
#endif
