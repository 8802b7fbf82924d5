// SHA-256 with the x86 SHA extensions (sha256rnds2, sha256msg1/2): several times the throughput
// of the portable Swift compression in SHA256.swift, which stays the path everywhere else and is
// compared with this one in SHA256Tests. Plain C with compiler intrinsics, no library.
#include "SHAExtensions.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>

int sha256_extensions_available(void) {
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int ssse3 = (c >> 9) & 1, sse41 = (c >> 19) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int sha = (b >> 29) & 1;
    return ssse3 && sse41 && sha;
}

__attribute__((target("sha,ssse3,sse4.1")))
void sha256_extensions_compress(uint32_t state[8], const uint8_t *data, long blocks) {
    const __m128i byteSwap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
    // The instructions want the state as (a, b, e, f) and (c, d, g, h).
    __m128i dcba = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[0]), 0xB1);
    __m128i efgh = _mm_shuffle_epi32(_mm_loadu_si128((const __m128i *)&state[4]), 0x1B);
    __m128i abef = _mm_alignr_epi8(dcba, efgh, 8);
    __m128i cdgh = _mm_blend_epi16(efgh, dcba, 0xF0);
    for (; blocks > 0; blocks--, data += 64) {
        const __m128i abefSaved = abef, cdghSaved = cdgh;
        __m128i msg, m0, m1, m2, m3;
        // Rounds 0-3.
        m0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byteSwap);
        msg = _mm_add_epi32(m0, _mm_set_epi32((int)0xe9b5dba5u, (int)0xb5c0fbcfu, (int)0x71374491u, (int)0x428a2f98u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        // Rounds 4-7.
        m1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byteSwap);
        msg = _mm_add_epi32(m1, _mm_set_epi32((int)0xab1c5ed5u, (int)0x923f82a4u, (int)0x59f111f1u, (int)0x3956c25bu));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // Rounds 8-11.
        m2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byteSwap);
        msg = _mm_add_epi32(m2, _mm_set_epi32((int)0x550c7dc3u, (int)0x243185beu, (int)0x12835b01u, (int)0xd807aa98u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // Rounds 12-15.
        m3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byteSwap);
        msg = _mm_add_epi32(m3, _mm_set_epi32((int)0xc19bf174u, (int)0x9bdc06a7u, (int)0x80deb1feu, (int)0x72be5d74u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // Rounds 16-19.
        msg = _mm_add_epi32(m0, _mm_set_epi32((int)0x240ca1ccu, (int)0x0fc19dc6u, (int)0xefbe4786u, (int)0xe49b69c1u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // Rounds 20-23.
        msg = _mm_add_epi32(m1, _mm_set_epi32((int)0x76f988dau, (int)0x5cb0a9dcu, (int)0x4a7484aau, (int)0x2de92c6fu));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // Rounds 24-27.
        msg = _mm_add_epi32(m2, _mm_set_epi32((int)0xbf597fc7u, (int)0xb00327c8u, (int)0xa831c66du, (int)0x983e5152u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // Rounds 28-31.
        msg = _mm_add_epi32(m3, _mm_set_epi32((int)0x14292967u, (int)0x06ca6351u, (int)0xd5a79147u, (int)0xc6e00bf3u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // Rounds 32-35.
        msg = _mm_add_epi32(m0, _mm_set_epi32((int)0x53380d13u, (int)0x4d2c6dfcu, (int)0x2e1b2138u, (int)0x27b70a85u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // Rounds 36-39.
        msg = _mm_add_epi32(m1, _mm_set_epi32((int)0x92722c85u, (int)0x81c2c92eu, (int)0x766a0abbu, (int)0x650a7354u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m0 = _mm_sha256msg1_epu32(m0, m1);
        // Rounds 40-43.
        msg = _mm_add_epi32(m2, _mm_set_epi32((int)0xc76c51a3u, (int)0xc24b8b70u, (int)0xa81a664bu, (int)0xa2bfe8a1u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m1 = _mm_sha256msg1_epu32(m1, m2);
        // Rounds 44-47.
        msg = _mm_add_epi32(m3, _mm_set_epi32((int)0x106aa070u, (int)0xf40e3585u, (int)0xd6990624u, (int)0xd192e819u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m0 = _mm_sha256msg2_epu32(_mm_add_epi32(m0, _mm_alignr_epi8(m3, m2, 4)), m3);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m2 = _mm_sha256msg1_epu32(m2, m3);
        // Rounds 48-51.
        msg = _mm_add_epi32(m0, _mm_set_epi32((int)0x34b0bcb5u, (int)0x2748774cu, (int)0x1e376c08u, (int)0x19a4c116u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m1 = _mm_sha256msg2_epu32(_mm_add_epi32(m1, _mm_alignr_epi8(m0, m3, 4)), m0);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        m3 = _mm_sha256msg1_epu32(m3, m0);
        // Rounds 52-55.
        msg = _mm_add_epi32(m1, _mm_set_epi32((int)0x682e6ff3u, (int)0x5b9cca4fu, (int)0x4ed8aa4au, (int)0x391c0cb3u));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m2 = _mm_sha256msg2_epu32(_mm_add_epi32(m2, _mm_alignr_epi8(m1, m0, 4)), m1);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        // Rounds 56-59.
        msg = _mm_add_epi32(m2, _mm_set_epi32((int)0x8cc70208u, (int)0x84c87814u, (int)0x78a5636fu, (int)0x748f82eeu));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        m3 = _mm_sha256msg2_epu32(_mm_add_epi32(m3, _mm_alignr_epi8(m2, m1, 4)), m2);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        // Rounds 60-63.
        msg = _mm_add_epi32(m3, _mm_set_epi32((int)0xc67178f2u, (int)0xbef9a3f7u, (int)0xa4506cebu, (int)0x90befffau));
        cdgh = _mm_sha256rnds2_epu32(cdgh, abef, msg);
        abef = _mm_sha256rnds2_epu32(abef, cdgh, _mm_shuffle_epi32(msg, 0x0E));
        abef = _mm_add_epi32(abef, abefSaved);
        cdgh = _mm_add_epi32(cdgh, cdghSaved);
    }
    __m128i feba = _mm_shuffle_epi32(abef, 0x1B);
    __m128i dchg = _mm_shuffle_epi32(cdgh, 0xB1);
    _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xF0));
    _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));
}

#else

int sha256_extensions_available(void) { return 0; }

void sha256_extensions_compress(uint32_t state[8], const uint8_t *data, long blocks) {
    (void)state; (void)data; (void)blocks;
    __builtin_trap();
}

#endif
