import { describe, expect, it } from 'vitest';
import { unknownTargets } from './targets';

const KNOWN = ['aarch64-apple-darwin', 'aarch64-unknown-linux-gnu', 'riscv64gc-unknown-linux-gnu', 'x86_64-pc-windows-msvc', 'x86_64-unknown-linux-gnu'];

describe('unknownTargets', () => {
  it('accepts targets rustc lists', () => {
    expect(unknownTargets([{ target: 'aarch64-unknown-linux-gnu', from: '--targets' }], KNOWN)).toBeNull();
    expect(unknownTargets([], KNOWN)).toBeNull();
  });

  it('names the flag, the bad value and the closest known triple', () => {
    expect(unknownTargets([{ target: 'aarch64-unknown-linux-gun', from: '--targets' }], KNOWN)).toEqual({
      message: '--targets=aarch64-unknown-linux-gun: rustc does not know this target; nothing was built',
      fix: 'use "aarch64-unknown-linux-gnu" instead of "aarch64-unknown-linux-gun" (`rustc --print target-list` lists every target)',
    });
  });

  it('lists every unknown target, from the flag and from the setting', () => {
    const r = unknownTargets(
      [
        { target: 'x86_64-unknown-linux-gnu', from: '--targets' },
        { target: 'x86-64-pc-windows-msvc', from: 'artifacts.targets' },
        { target: 'riscv64-unknown-linux-gnu', from: '--targets' },
      ],
      KNOWN,
    );
    expect(r?.message).toBe(
      'setting "artifacts.targets" value "x86-64-pc-windows-msvc", --targets=riscv64-unknown-linux-gnu: rustc does not know these targets; nothing was built',
    );
    expect(r?.fix).toContain(
      'use "x86_64-pc-windows-msvc" instead of "x86-64-pc-windows-msvc"; use "riscv64gc-unknown-linux-gnu" instead of "riscv64-unknown-linux-gnu"',
    );
  });
});
