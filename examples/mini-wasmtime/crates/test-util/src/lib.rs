//! Test helpers. Never published, yet it inherits the workspace version, so it moves with
//! every bump (and its `Cargo.lock` entry with it).

/// Checks an addition function against the runtime's, including overflow.
pub fn assert_adds(add: impl Fn(i32, i32) -> i32) {
    for (a, b) in [(2, 3), (i32::MAX, 1), (-4, 4)] {
        assert_eq!(add(a, b), wasmtime::add(a, b));
    }
}
