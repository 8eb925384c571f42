import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLUGIN_NAME } from './plugin-name';

describe('the plugin name', () => {
  it("is the package's name (what nx.json and executor addresses resolve)", () => {
    expect(JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).name).toBe(PLUGIN_NAME);
  });
});
