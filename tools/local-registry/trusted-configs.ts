/**
 * crates.io's trusted-publishing configurations (SPEC §7), for tests: each crate trusts a list
 * of GitHub configs (repository owner and name, the top-level workflow's file name, an
 * optional environment), at most 5; the exchange keeps the configs matching the OIDC claims
 * and the token it mints may publish only their crates. Pure data in and out; the routes are
 * in trusted-routes.ts.
 */
import { TrustedError } from './trusted';

/** crates.io's limit of configs per crate. */
export const MAX_CONFIGS_PER_CRATE = 5;

export interface GithubConfig {
  id: number;
  crate: string;
  repository_owner: string;
  repository_owner_id: number;
  repository_name: string;
  workflow_filename: string;
  environment: string | null;
  created_at: string;
}

/** What GitHub puts in the OIDC token that the exchange looks at. */
export interface OidcClaims {
  repository: string;
  /** `owner/name/.github/workflows/<file>@<ref>`: the top-level workflow, also under a reusable one. */
  workflow_ref: string;
  environment?: string;
  event_name: string;
}

/** Events whose OIDC tokens crates.io refuses to exchange. */
export const REFUSED_EVENTS = ['pull_request_target', 'workflow_run'];

export const refusedEventMessage = (event: string) =>
  `Trusted Publishing does not support the \`${event}\` event trigger due to security concerns. Please use a different trigger such as \`push\`, \`release\`, or \`workflow_dispatch\`.`;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The workflow file name of a `workflow_ref` claim. */
export function workflowFileOf(workflowRef: string): string {
  const path = workflowRef.split('@')[0];
  return path.slice(path.lastIndexOf('/') + 1);
}

export class TrustedConfigs {
  readonly all: GithubConfig[] = [];
  private nextId = 1;

  list(crate: string): GithubConfig[] {
    return this.all.filter((c) => same(c.crate, crate));
  }

  /** `crateExists`: the registry knows the crate (crates.io answers 404 otherwise). */
  create(body: unknown, crateExists: (name: string) => boolean, now: number): GithubConfig {
    const g = (body as { github_config?: Record<string, unknown> } | null)?.github_config;
    const str = (k: string) => (typeof g?.[k] === 'string' && g[k] !== '' ? (g[k] as string) : null);
    const crate = str('crate');
    const owner = str('repository_owner');
    const name = str('repository_name');
    const workflow = str('workflow_filename');
    if (!crate || !owner || !name || !workflow) {
      throw new TrustedError(400, 'expected {"github_config": {crate, repository_owner, repository_name, workflow_filename, environment?}}');
    }
    if (!workflow.endsWith('.yml') && !workflow.endsWith('.yaml')) throw new TrustedError(400, 'Workflow filename must end with `.yml` or `.yaml`');
    if (!crateExists(crate)) throw new TrustedError(404, `crate \`${crate}\` does not exist`);
    if (this.list(crate).length >= MAX_CONFIGS_PER_CRATE) {
      throw new TrustedError(409, `This crate already has the maximum number of GitHub Trusted Publishing configurations (${MAX_CONFIGS_PER_CRATE})`);
    }
    const config: GithubConfig = {
      id: this.nextId++,
      crate,
      repository_owner: owner,
      repository_owner_id: 1000 + owner.length,
      repository_name: name,
      workflow_filename: workflow,
      environment: str('environment'),
      created_at: new Date(now).toISOString(),
    };
    this.all.push(config);
    return config;
  }

  delete(id: number): void {
    const i = this.all.findIndex((c) => c.id === id);
    if (i < 0) throw new TrustedError(404, 'Not Found');
    this.all.splice(i, 1);
  }

  /** The crates a token minted for these claims may publish; refusals worded as crates.io's. */
  match(claims: OidcClaims): string[] {
    if (REFUSED_EVENTS.includes(claims.event_name)) throw new TrustedError(400, refusedEventMessage(claims.event_name));
    const [owner, name] = claims.repository.split('/');
    const ofRepo = this.all.filter((c) => same(c.repository_owner, owner ?? '') && same(c.repository_name, name ?? ''));
    if (!ofRepo.length) throw new TrustedError(400, `No Trusted Publishing config found for repository \`${claims.repository}\`.`);
    const file = workflowFileOf(claims.workflow_ref);
    const matched = ofRepo.filter(
      (c) => c.workflow_filename === file && (c.environment === null || (claims.environment !== undefined && same(c.environment, claims.environment))),
    );
    if (!matched.length) throw new TrustedError(400, 'No matching Trusted Publishing config found');
    return [...new Set(matched.map((c) => c.crate))];
  }
}
