//! The C API. Its version is also written in `include/wasmtime.h`, which is why the
//! header's macros move with every release.

use std::os::raw::{c_char, c_int};

/// `WASMTIME_VERSION` as a NUL-terminated string, from the crate version.
static VERSION: &str = wasmtime_c_api_macros::c_str!(env!("CARGO_PKG_VERSION"));

/// Wrapping addition through the runtime.
#[no_mangle]
pub extern "C" fn wasmtime_example_add(a: c_int, b: c_int) -> c_int {
    wasmtime::add(a, b)
}

/// The library's version, e.g. "5.0.0"; static, never freed by the caller.
#[no_mangle]
pub extern "C" fn wasmtime_example_version() -> *const c_char {
    VERSION.as_ptr().cast()
}

/// Largest page count a memory may have.
#[no_mangle]
pub extern "C" fn wasmtime_example_max_pages() -> u32 {
    wasmtime::max_pages()
}
