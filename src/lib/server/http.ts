/**
 * A Content-Disposition header for a download whose name may hold any letter (usernames may be
 * Cyrillic or Arabic): an ASCII fallback name, and the real name as RFC 5987 `filename*`. A header
 * value beyond Latin-1 would be a server error.
 */
export function attachmentHeader(filename: string): string {
	const fallback = filename.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'download';
	const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Whether a form-action name (`?/name`) is one a route can have: not `default`, not an Object.prototype property. */
export function isActionName(name: string): boolean {
	return /^[a-zA-Z][a-zA-Z0-9]{0,40}$/.test(name) && !(name in Object.prototype) && name !== 'default';
}
