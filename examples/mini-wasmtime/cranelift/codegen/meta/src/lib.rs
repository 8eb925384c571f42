//! Generates Rust source for `cranelift-codegen`'s build script.

/// Source of a `TARGET_NAME` constant.
pub fn generate_target_name() -> String {
    format!(
        "/// Name of the compilation target.\npub const TARGET_NAME: &str = \"mini{}\";\n",
        cranelift_codegen_shared::WORD_BITS
    )
}
