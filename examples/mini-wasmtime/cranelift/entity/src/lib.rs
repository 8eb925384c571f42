//! Typed indices: a `FuncIndex` cannot be mixed up with another kind of index.

/// A type that wraps a dense index.
pub trait EntityRef: Copy {
    fn new(index: usize) -> Self;
    fn index(self) -> usize;
}

/// Index of a function in a module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FuncIndex(u32);

impl EntityRef for FuncIndex {
    fn new(index: usize) -> Self {
        FuncIndex(u32::try_from(index).expect("index fits in u32"))
    }

    fn index(self) -> usize {
        self.0 as usize
    }
}
