//! Macros for the C API. Reached only through a path dependency of `wasmtime-c-api-impl`
//! (the `crates/*` glob does not look this deep): Cargo's implicit workspace membership.

/// A string literal with a trailing NUL, ready to hand to C.
#[macro_export]
macro_rules! c_str {
    ($s:expr) => {
        concat!($s, "\0")
    };
}
