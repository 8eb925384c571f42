/**
 * Where the GitHub token may go. The token is GitHub's, so git gets it only for the GitHub
 * host whose API the run uses (github.com for api.github.com, the server itself for GitHub
 * Enterprise's `/api/v3`), and never over plain http, where anyone on the way could read it.
 */

/** The git host (`scheme://host[:port]`) of a GitHub REST API base URL; null: not a URL. */
export function gitHostOfApi(apiUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    return null;
  }
  // api.github.com -> github.com; api.<tenant>.ghe.com -> <tenant>.ghe.com (GitHub's own API hosts).
  const host = url.host.startsWith('api.') ? url.host.slice(4) : url.host;
  return `${url.protocol}//${host}`;
}

/** Why `url` must not be used while a token is set; null: it may. */
export function insecureRemoteProblem(url: string): string | null {
  return /^http:\/\//i.test(url.trim()) ? `${url} is plain http: a token sent there can be read on the way` : null;
}
