/** Name patterns of the settings (`release-{version}`, `v{version}`), filled from a version. */

/** Fill placeholders {version} {major} {minor} {patch} from a semver string. */
export function fillPattern(pattern: string, version: string): string {
  const [major = '', minor = '', patch = ''] = version.split('-')[0].split('.');
  return pattern.replaceAll('{version}', version).replaceAll('{major}', major).replaceAll('{minor}', minor).replaceAll('{patch}', patch);
}
