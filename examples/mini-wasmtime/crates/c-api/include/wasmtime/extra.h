/**
 * \file wasmtime/extra.h
 *
 * More of the C API. No version macros here: a tool must edit wasmtime.h only.
 */
#ifndef WASMTIME_EXTRA_H
#define WASMTIME_EXTRA_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Largest number of 64 KiB pages a linear memory may have. */
uint32_t wasmtime_example_max_pages(void);

#ifdef __cplusplus
} // extern "C"
#endif

#endif // WASMTIME_EXTRA_H
