//! Re-exports the C API so its `#[no_mangle]` functions land in the static and
//! shared libraries.
pub use wasmtime_c_api::*;
