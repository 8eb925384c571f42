/** `nx g nx-release-train:<name> --help` and `nx run ... --help` print these descriptions. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const entries = [
  ...Object.entries(read('executors.json').executors as Record<string, { schema: string }>),
  ...Object.entries(read('generators.json').generators as Record<string, { schema: string }>),
];

describe('executor and generator schemas', () => {
  it.each(entries)('%s describes itself and every option', (_name, entry) => {
    const schema = read(entry.schema);
    expect(schema.description, entry.schema).toMatch(/\w{3}/);
    for (const [option, spec] of Object.entries(schema.properties ?? {})) {
      expect((spec as { description?: string }).description, `${entry.schema}: ${option}`).toMatch(/\w{3}/);
    }
  });
});
