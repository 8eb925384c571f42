import { describe, expect, it } from 'vitest';
import { TAR_END, tarHeader, tarMembers, tarPadding } from './tar';

const file = (path: string, executable = false, size = 3) => ({ path, source: `/src/${path}`, executable, size });

function field(h: Buffer, offset: number, length: number): string {
  return h
    .subarray(offset, offset + length)
    .toString('utf8')
    .replace(/\0.*$/s, '');
}

describe('tarMembers', () => {
  it('adds every implied directory and sorts directories before their contents', () => {
    const { members, errors } = tarMembers('top', [file('lib/libx.a'), file('LICENSE'), file('include/x/y.h'), file('include-extra'), file('include/a.h')]);
    expect(errors).toEqual([]);
    expect(members.map((m) => (m.type === 'dir' ? `${m.path}/` : m.path))).toEqual([
      'top/',
      'top/LICENSE',
      'top/include-extra',
      'top/include/',
      'top/include/a.h',
      'top/include/x/',
      'top/include/x/y.h',
      'top/lib/',
      'top/lib/libx.a',
    ]);
  });

  it('names both sources of a path given twice', () => {
    const { errors } = tarMembers('top', [file('README.md'), { ...file('README.md'), source: '/other/README.md' }]);
    expect(errors).toEqual(["'top/README.md' would come from both /src/README.md and /other/README.md"]);
  });
});

describe('tarHeader', () => {
  it('writes a ustar header with a valid checksum, fixed owner and time', () => {
    const h = tarHeader({ type: 'file', path: 'top/bin/tool', source: '', executable: true, size: 1000 }, 1700000000);
    expect(h.length).toBe(512);
    expect(field(h, 0, 100)).toBe('top/bin/tool');
    expect(field(h, 100, 8)).toBe('0000755');
    expect(field(h, 108, 8)).toBe('0000000');
    expect(parseInt(field(h, 124, 12), 8)).toBe(1000);
    expect(parseInt(field(h, 136, 12), 8)).toBe(1700000000);
    expect(field(h, 156, 1)).toBe('0');
    expect(field(h, 257, 6)).toBe('ustar');
    let sum = 0;
    h.forEach((b, i) => (sum += i >= 148 && i < 156 ? 32 : b));
    expect(parseInt(field(h, 148, 8), 8)).toBe(sum);
  });

  it('marks directories and plain files by mode and type', () => {
    const d = tarHeader({ type: 'dir', path: 'top/lib' }, 0);
    expect(field(d, 0, 100)).toBe('top/lib/');
    expect(field(d, 156, 1)).toBe('5');
    const f = tarHeader({ type: 'file', path: 'top/a', source: '', executable: false, size: 0 }, 0);
    expect(field(f, 100, 8)).toBe('0000644');
  });

  it('splits long paths into prefix and name, and refuses what cannot fit', () => {
    const long = `top/${'d'.repeat(120)}/file.h`;
    const h = tarHeader({ type: 'file', path: long, source: '', executable: false, size: 1 }, 0);
    expect(`${field(h, 345, 155)}/${field(h, 0, 100)}`).toBe(long);
    expect(() => tarHeader({ type: 'file', path: `top/${'x'.repeat(120)}`, source: '', executable: false, size: 1 }, 0)).toThrow(/too long/);
  });

  it('pads data to whole blocks and ends with two zero blocks', () => {
    expect(tarPadding(1).length).toBe(511);
    expect(tarPadding(512).length).toBe(0);
    expect(TAR_END.length).toBe(1024);
  });
});
