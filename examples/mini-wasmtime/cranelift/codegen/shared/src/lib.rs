//! Constants both the generator and the generated code agree on.

/// Width of a machine word on the one target this miniature knows.
pub const WORD_BITS: u32 = 64;
