import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/** A SHA-256 digest as lower-case hex. */
export type Digest = (text: string) => string;

/** SHA-256 in plain JavaScript (pure, runs anywhere). Server code may pass node:crypto's, same result. */
export const sha256Hex: Digest = (text) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/**
 * The one content hash: SHA-256 of the stable JSON of a value (object keys sorted). The importer
 * passes node:crypto's digest, which is far faster on the whole bank and gives the same hash.
 */
export function hashContent(value: unknown, digest: Digest = sha256Hex): string {
	return digest(stableStringify(value));
}

/** JSON with object keys sorted, so equal content always gives the same text. */
export function stableStringify(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
