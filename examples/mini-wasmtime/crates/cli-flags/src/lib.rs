//! Flags shared by the `wasmtime` subcommands.

/// The options the CLI understands.
#[derive(Debug, Default)]
pub struct CommonOptions {
    /// `--add`: print the result of a built-in addition instead of the version.
    pub add: bool,
}

impl CommonOptions {
    pub fn from_args(args: impl IntoIterator<Item = String>) -> Self {
        let mut options = CommonOptions::default();
        for arg in args {
            if arg == "--add" {
                options.add = true;
            }
        }
        options
    }

    /// The runtime version the flags were written for.
    pub fn runtime_version() -> &'static str {
        wasmtime::VERSION
    }
}
