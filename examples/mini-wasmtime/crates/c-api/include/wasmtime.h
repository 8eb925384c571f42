/**
 * \file wasmtime.h
 *
 * The C API of the miniature Wasmtime. The four version macros below move with
 * every release, exactly like Wasmtime's own header.
 */
#ifndef WASMTIME_API_H
#define WASMTIME_API_H

#include <stdint.h>

#define WASMTIME_VERSION "5.0.0"
#define WASMTIME_VERSION_MAJOR 5
#define WASMTIME_VERSION_MINOR 0
#define WASMTIME_VERSION_PATCH 0

#include <wasmtime/extra.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Wrapping 32-bit addition through the runtime. */
int wasmtime_example_add(int a, int b);

/** The library's version, e.g. "5.0.0"; static storage, do not free. */
const char *wasmtime_example_version(void);

#ifdef __cplusplus
} // extern "C"
#endif

#endif // WASMTIME_API_H
