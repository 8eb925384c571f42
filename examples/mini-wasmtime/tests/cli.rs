// Uses the `publish = false` dev-dependency, like Wasmtime's own tests do.
#[test]
fn add_matches_test_util() {
    wasmtime_test_util::assert_adds(wasmtime::add);
}
