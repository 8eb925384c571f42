import { describe, expect, it } from 'vitest';
import { filesFromMap, planBindingEdits } from './plan';

const MOD = 'github.com/acme/lib-go';
const rule = { kind: 'go-module', module: MOD } as const;
const after = (files: Record<string, string>, version = '46.0.0') => {
  const { edits, problems } = planBindingEdits([rule], version, filesFromMap(files));
  expect(problems).toEqual([]);
  return Object.fromEntries(edits.map((e) => [e.file, e.after]));
};

describe('go-module rule', () => {
  it('renames the module path and its imports everywhere, and nothing else', () => {
    const files = {
      'go.mod': `module ${MOD}/v45\n\ngo 1.22\n\nrequire example.com/other/v45 v45.1.0\n`,
      'a.go': `package lib\n\nimport (\n\t"${MOD}/v45/internal/x"\n\t"example.com/other/v45"\n)\n\nconst tag = "v45" // engine format v45\n`,
      'BUILD.bazel': `go_library(importpath = "${MOD}/v45")\n`,
      'README.md': `go get ${MOD}/v45@v45.0.0\nhttps://pkg.go.dev/${MOD}/v45\ngit clone https://${MOD}\nnot ours: ${MOD}/v450 x-${MOD}/v45\n`,
      'go.sum': `${MOD}/v45 v45.0.0 h1:abc=\n`,
    };
    expect(after(files)).toEqual({
      'go.mod': files['go.mod'].replace(`${MOD}/v45`, `${MOD}/v46`),
      'a.go': files['a.go'].replace(`${MOD}/v45/`, `${MOD}/v46/`),
      'BUILD.bazel': `go_library(importpath = "${MOD}/v46")\n`,
      'README.md': `go get ${MOD}/v46@v46.0.0\nhttps://pkg.go.dev/${MOD}/v46\ngit clone https://${MOD}\nnot ours: ${MOD}/v450 x-${MOD}/v45\n`,
    });
  });

  it('moves the version a nested go.mod requires, keeping its layout', () => {
    const nested = `module tests\n\nrequire (\n\t${MOD}/v45 v45.0.0\n\tgithub.com/stretchr/testify v1.8.4\n)\n\nreplace ${MOD}/v45 => ../\n`;
    const out = after({ 'go.mod': `module ${MOD}/v45\n`, 'tests/go.mod': nested });
    expect(out['tests/go.mod']).toBe(`module tests\n\nrequire (\n\t${MOD}/v46 v46.0.0\n\tgithub.com/stretchr/testify v1.8.4\n)\n\nreplace ${MOD}/v46 => ../\n`);
  });

  it('on a patch keeps the path and moves only attached versions', () => {
    const out = after({ 'go.mod': `module ${MOD}/v46\n`, 'README.md': `go get ${MOD}/v46@v46.0.0\n` }, '46.0.1');
    expect(out).toEqual({ 'README.md': `go get ${MOD}/v46@v46.0.1\n` });
  });

  it('reports a go.mod of another module, one without a /vN suffix, and a missing go.mod', () => {
    const problems = (files: Record<string, string>) => planBindingEdits([rule], '46.0.0', filesFromMap(files)).problems;
    expect(problems({ 'go.mod': 'module example.com/else/v45\n' })[0]).toMatchObject({
      file: 'go.mod',
      line: 1,
      message: `module is example.com/else/v45, but the go-module rule names ${MOD}`,
    });
    expect(problems({ 'go.mod': `// c\nmodule ${MOD}\n` })[0]).toMatchObject({ line: 2, message: `module ${MOD} has no /vN suffix to move` });
    expect(problems({})[0]).toMatchObject({ file: 'go.mod', message: 'go-module rule: file not found in the repository' });
  });
});
