// Needs the dev-dependency on `wasmtime`, which itself depends on this crate.
#[test]
fn runtime_agrees_with_environ() {
    assert_eq!(
        wasmtime::max_pages(),
        wasmtime_environ::Module::pages_for(u64::MAX)
    );
}
