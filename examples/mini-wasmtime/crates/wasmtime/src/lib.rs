//! The embedding API: everything the C API and the CLI expose goes through here.

/// Version of this crate, which is the workspace version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Adds two numbers the way a compiled `i32.add` would: wrapping on overflow.
pub fn add(a: i32, b: i32) -> i32 {
    let module = wasmtime_environ::Module::new("add");
    debug_assert_eq!(module.name(), "add");
    cranelift_codegen::lower_add(a, b)
}

/// Stack size of a fiber, only meaningful where fibers exist.
#[cfg(unix)]
pub fn fiber_stack_size() -> usize {
    wasmtime_fiber::DEFAULT_STACK_SIZE
}

/// Largest page count a memory may have.
pub fn max_pages() -> u32 {
    wasmtime_core::MAX_PAGES
}
