//! Published as `wasmtime-internal-fiber`; only unix targets depend on it.

/// Default stack size of a fiber, in bytes.
pub const DEFAULT_STACK_SIZE: usize = 1 << 20;
