//! Builds functions on top of the code generator.

/// Builds one function.
pub struct FunctionBuilder {
    name: String,
}

impl FunctionBuilder {
    pub fn new(name: &str) -> Self {
        FunctionBuilder {
            name: name.to_string(),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Emits an `iadd` and returns what it computes.
    pub fn add(&self, a: i32, b: i32) -> i32 {
        cranelift_codegen::lower_add(a, b)
    }

    /// Index the next function would get.
    pub fn next_index(count: usize) -> usize {
        use cranelift_entity::EntityRef;
        cranelift_entity::FuncIndex::new(count).index()
    }
}
