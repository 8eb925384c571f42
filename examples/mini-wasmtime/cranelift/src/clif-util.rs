// Never published and versioned 0.0.0 forever: a bump must leave it alone.
fn main() {
    let sum = cranelift_frontend::FunctionBuilder::new("main").add(40, 2);
    println!(
        "clif-util: 40 + 2 = {sum} ({})",
        cranelift_codegen::TARGET_NAME
    );
}
