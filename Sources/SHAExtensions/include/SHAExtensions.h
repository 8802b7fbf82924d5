#ifndef SHA_EXTENSIONS_H
#define SHA_EXTENSIONS_H

#include <stdint.h>

/// 1 when this processor has the x86 SHA extensions (and the SSSE3/SSE4.1 they are used with).
int sha256_extensions_available(void);

/// SHA-256 compression of `blocks` 64-byte blocks at `data` into `state` (a, b, ..., h), with
/// the SHA extensions. Only call it when `sha256_extensions_available()` returned 1.
void sha256_extensions_compress(uint32_t state[8], const uint8_t *data, long blocks);

#endif
