export { startRegistry, type Registry, type RegistryEvent, type RegistryOptions, type StoredVersion } from './registry';
export { Faults, parseFault, type FaultAction, type FaultRule, type Route } from './faults';
export { CRATES_IO_LIMITS, type BucketConfig, type RateLimits } from './rate-limit';
export { encodeUpload, parseUpload } from './upload';
export * from './index-format';
export { writeCargoHome, type CargoHomeOptions } from './cargo-home';
export { CRATES_IO_MAX_CRATE_BYTES } from './registry';
export { OidcIssuer, TrustedTokens, TRUSTED_NEW_CRATE, TRUSTED_YANK, type MintedToken } from './trusted';
export { MAX_CONFIGS_PER_CRATE, REFUSED_EVENTS, TrustedConfigs, refusedEventMessage, type GithubConfig, type OidcClaims } from './trusted-configs';
