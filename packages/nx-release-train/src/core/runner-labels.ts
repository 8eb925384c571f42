/**
 * GitHub-hosted runner labels GitHub has retired, each with the current label that replaces it.
 * A job on a retired label never starts (it waits for a runner that no longer exists), so the
 * workflow generator refuses them (setting `artifacts.builds[].runner`) and names the fix.
 *
 * The one list: when GitHub retires another image (announced in github.com/actions/runner-images),
 * add its labels here with their replacement. Labels current in 2026: `ubuntu-24.04`,
 * `ubuntu-22.04`, `ubuntu-24.04-arm`, `macos-14`, `macos-15`, `macos-15-intel`, `windows-2022`,
 * `windows-2025`, `windows-11-arm`, and the `-latest` aliases.
 */
export const RETIRED_RUNNER_LABELS: Readonly<Record<string, string>> = {
  'ubuntu-16.04': 'ubuntu-24.04',
  'ubuntu-18.04': 'ubuntu-24.04',
  'ubuntu-20.04': 'ubuntu-24.04',
  'macos-10.15': 'macos-15',
  'macos-11': 'macos-15',
  'macos-12': 'macos-15',
  // The last Intel macOS images: their replacement for x86_64 builds is the Intel macos-15.
  'macos-13': 'macos-15-intel',
  'macos-13-large': 'macos-15-large',
  'macos-13-xlarge': 'macos-15-xlarge',
  'windows-2016': 'windows-2025',
  'windows-2019': 'windows-2025',
};

/** The current label to use instead of `label`, when GitHub has retired it. */
export function retiredRunner(label: string): string | undefined {
  return Object.hasOwn(RETIRED_RUNNER_LABELS, label) ? RETIRED_RUNNER_LABELS[label] : undefined;
}
