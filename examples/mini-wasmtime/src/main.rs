// The `wasmtime` executable: prints its version, which is the workspace version.
fn main() {
    let flags = wasmtime_cli_flags::CommonOptions::from_args(std::env::args().skip(1));
    if flags.add {
        println!("{}", wasmtime::add(2, 3));
        return;
    }
    println!("wasmtime {}", env!("CARGO_PKG_VERSION"));
}
