/**
 * Every action the generated workflow uses, pinned to the full commit SHA of a release tag (the
 * tag in the comment): a tag can be moved to other code, a commit cannot. Each is a Node 24
 * release (GitHub removed the Node 20 runtime from its runners in 2026). To update one, take
 * the commit of the new tag (`git ls-remote https://github.com/actions/<name> refs/tags/<tag>`)
 * and change both here; nothing else in the generator names an action.
 */
const pinned = (action: string, sha: string, tag: string) => `${action}@${sha} # ${tag}`;

export const ACTIONS = {
  checkout: pinned('actions/checkout', '08c6903cd8c0fde910a37f88322edcfb5dd907a8', 'v5.0.0'),
  setupNode: pinned('actions/setup-node', 'a0853c24544627f65ddf259abe73b1d18a591444', 'v5.0.0'),
  uploadArtifact: pinned('actions/upload-artifact', 'b7c566a772e6b6bfb58ed0dc250532a479d7789f', 'v6.0.0'),
  downloadArtifact: pinned('actions/download-artifact', '37930b1c2abaa49bbe596cd826c3c89aef350131', 'v7.0.0'),
  attestBuildProvenance: pinned('actions/attest-build-provenance', '977bb373ede98d70efdf65b84cb5f73e068dcc2a', 'v3.0.0'),
} as const;

/**
 * The WiX the job of a build with an `.msi` installs (`dotnet tool install`, the .NET SDK is on
 * GitHub's Windows runners, which carry no WiX of their own on windows-2025), with its
 * extensions at the same version. 5.x: MS-RL, without the maintenance-fee EULA that WiX 7
 * binaries require accepting.
 */
export const WIX_VERSION = '5.0.2';
