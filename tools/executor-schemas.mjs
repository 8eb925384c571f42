// npm run schemas — writes every executor's schema.json from its zod schema (the built plugin).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = (p) => require(join(repo, 'packages/nx-release-train/dist', p));
const { executorFlags } = dist('core/flags/index.js');
const { nxSchemaJson, schemaJsonText } = dist('core/flags/define.js');

for (const flags of Object.values(executorFlags)) {
  const file = join(repo, 'packages/nx-release-train/src/executors', flags.name, 'schema.json');
  writeFileSync(file, schemaJsonText(nxSchemaJson(flags)));
  console.log(`wrote ${file.slice(repo.length + 1)}`);
}
