//! Translation environment: what a module looks like before it is compiled.

use cranelift_entity::EntityRef;

/// A module known by name, with its functions indexed by `FuncIndex`.
pub struct Module {
    name: String,
    first_func: cranelift_entity::FuncIndex,
}

impl Module {
    pub fn new(name: &str) -> Self {
        Module {
            name: name.to_string(),
            first_func: cranelift_entity::FuncIndex::new(0),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn first_func(&self) -> usize {
        self.first_func.index()
    }

    /// Pages a memory of `bytes` needs, capped at the core limit.
    pub fn pages_for(bytes: u64) -> u32 {
        let pages = bytes.div_ceil(65536);
        pages.min(u64::from(wasmtime_core::MAX_PAGES)) as u32
    }
}
