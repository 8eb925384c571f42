//! Published as `wasmtime-internal-core`, required through the key `wasmtime-core`.

/// Largest page count of a 32-bit linear memory.
pub const MAX_PAGES: u32 = 65536;

/// Wrapping 32-bit addition, shared by the compiler and the runtime.
pub fn wrapping_add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}
