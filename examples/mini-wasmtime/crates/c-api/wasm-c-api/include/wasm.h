// The standard WebAssembly C API header in miniature (Wasmtime vendors the real
// one from wasm-c-api); release archives ship it beside wasmtime.h.
#ifndef WASM_H
#define WASM_H

typedef unsigned char byte_t;

#endif
