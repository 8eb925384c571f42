import { describe, expect, it } from 'vitest';
import { filesFromMap, planBindingEdits } from './plan';
import type { BindingRule } from './rules';

const rule: BindingRule = { kind: 'lockfile', file: 'Gemfile.lock', format: 'gemfile', packages: ['gem-a'] };

describe('lockfile rule (Gemfile.lock)', () => {
  it('moves every platform entry of the gem and leaves requirement lines and other gems', () => {
    const lock =
      'PATH\n  remote: .\n  specs:\n    gem-a (45.0.0)\n      rb_sys (~> 0.9)\n    gem-a (45.0.0-x86_64-linux)\n\nGEM\n  specs:\n    gem-ab (45.0.0)\n    other (1.0)\n      gem-a (>= 45.0.0)\n\nDEPENDENCIES\n  gem-a!\n';
    const { edits, problems } = planBindingEdits([rule], '46.0.0', filesFromMap({ 'Gemfile.lock': lock }));
    expect(problems).toEqual([]);
    expect(edits[0].after).toBe(lock.replace('gem-a (45.0.0)\n', 'gem-a (46.0.0)\n').replace('gem-a (45.0.0-x86', 'gem-a (46.0.0-x86'));
  });

  it('reports a gem without an entry', () => {
    const { problems } = planBindingEdits([rule], '46.0.0', filesFromMap({ 'Gemfile.lock': 'GEM\n  specs:\n    other (1.0)\n' }));
    expect(problems[0].message).toBe('no entry "gem-a (X.Y.Z)" in a specs: block');
  });
});
