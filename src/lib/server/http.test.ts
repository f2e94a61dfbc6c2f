import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './auth/guards';
import { attachmentHeader, isActionName } from './http';

describe('header-safe values', () => {
	it('keeps a return path only when every character may stand in a URL as it is', () => {
		expect(safeRedirectPath('/join/BCDF2345')).toBe('/join/BCDF2345');
		expect(safeRedirectPath('/practice/session?scope=theme%3Awonen&round=1#x')).toBe('/practice/session?scope=theme%3Awonen&round=1#x');
		for (const bad of ['/\x01', '/\x7f', '/\u0436', '/a b', '//evil.example', '/\\evil', 'https://evil.example', '', '/\r\nSet-Cookie:x', 42, null]) {
			expect(safeRedirectPath(bad), JSON.stringify(bad)).toBe('/');
		}
		expect(safeRedirectPath('/' + 'a'.repeat(1000))).toBe('/');
	});

	it('names a download in ASCII with the real name beside it, for any letters', () => {
		expect(attachmentHeader('knm-hub-lina.json')).toBe(`attachment; filename="knm-hub-lina.json"; filename*=UTF-8''knm-hub-lina.json`);
		const header = attachmentHeader('knm-hub-олена.json');
		expect(header).toBe(`attachment; filename="knm-hub-.json"; filename*=UTF-8''knm-hub-%D0%BE%D0%BB%D0%B5%D0%BD%D0%B0.json`);
		// every character of the header is printable ASCII
		expect(/^[\x20-\x7e]+$/.test(attachmentHeader('knm-hub-مريم"\\.json'))).toBe(true);
		expect(attachmentHeader('é.json')).toContain('filename="e.json"');
	});

	it('lets through the action names routes have, not prototype properties or default', () => {
		for (const name of ['answer', 'createTask', 'examOutcome', 'leaveClass']) expect(isActionName(name), name).toBe(true);
		for (const name of ['__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'toString', 'default', '', '1x', 'a-b', 'x'.repeat(50)]) {
			expect(isActionName(name), name).toBe(false);
		}
	});
});
