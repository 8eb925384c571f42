// Runs the meta crate at build time, as Cranelift generates its instruction tables.
fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = std::path::Path::new(&out_dir).join("target_name.rs");
    std::fs::write(&path, cranelift_codegen_meta::generate_target_name())
        .expect("write generated code");
    println!("cargo:rerun-if-changed=build.rs");
}
