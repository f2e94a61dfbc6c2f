import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { logInUser, registerUser } from '../accounts';
import { openDatabase } from '../db';
import { DEVICE_COOKIE, rememberDevice, trustedDevice } from './device';

const NOW = new Date('2026-12-01T10:00:00Z');
const PASSWORD = 'fiets regen koffie';

/** A cookie jar with the part of SvelteKit's Cookies the device cookie uses. */
function jar(): Cookies & { value: () => string | undefined } {
	const values = new Map<string, string>();
	return {
		get: (name: string) => values.get(name),
		set: (name: string, value: string) => void values.set(name, value),
		value: () => values.get(DEVICE_COOKIE)
	} as unknown as Cookies & { value: () => string | undefined };
}

describe('device cookies against lock-out', () => {
	it('a guesser elsewhere locks the username, but not the browser the learner logged in on before', async () => {
		const db = openDatabase(':memory:');
		expect((await registerUser(db, { username: 'Noor', password: PASSWORD, role: 'learner' }, '203.0.113.5', NOW)).ok).toBe(true);
		const phone = jar();
		rememberDevice(db, phone, 'noor', true);
		// ten wrong passwords from somewhere else
		for (let i = 0; i < 10; i++) await logInUser(db, { username: 'noor', password: `guess ${i}` }, '198.51.100.66', NOW);
		expect(await logInUser(db, { username: 'noor', password: PASSWORD }, '198.51.100.66', NOW)).toMatchObject({ ok: false, problem: 'rate_limited' });
		// the learner's phone still gets in, and the guesser stays locked out
		expect((await logInUser(db, { username: 'noor', password: PASSWORD }, '203.0.113.5', NOW, phone.value())).ok).toBe(true);
		expect(await logInUser(db, { username: 'noor', password: PASSWORD }, '198.51.100.66', NOW)).toMatchObject({ ok: false, problem: 'rate_limited' });
	});

	it("a device token is bound to its username and has its own limit of wrong passwords", async () => {
		const db = openDatabase(':memory:');
		await registerUser(db, { username: 'noor', password: PASSWORD, role: 'learner' }, '203.0.113.5', NOW);
		await registerUser(db, { username: 'sami', password: PASSWORD, role: 'learner' }, '203.0.113.5', NOW);
		const phone = jar();
		rememberDevice(db, phone, 'noor', true);
		expect(trustedDevice(db, phone.value(), 'noor')).toMatch(/^[a-z2-7]{26}$/);
		expect(trustedDevice(db, phone.value(), 'sami')).toBeNull();
		// a forged or altered token is not trusted
		expect(trustedDevice(db, phone.value()!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'noor')).toBeNull();
		expect(trustedDevice(db, 'junk~more', 'noor')).toBeNull();
		// a stolen device cookie still allows only 10 wrong passwords
		for (let i = 0; i < 10; i++) await logInUser(db, { username: 'noor', password: `guess ${i}` }, '198.51.100.7', NOW, phone.value());
		expect(await logInUser(db, { username: 'noor', password: PASSWORD }, '198.51.100.7', NOW, phone.value())).toMatchObject({ ok: false, problem: 'rate_limited' });
		// a shared phone keeps a token per account
		rememberDevice(db, phone, 'sami', true);
		expect(trustedDevice(db, phone.value(), 'sami')).not.toBeNull();
		expect(trustedDevice(db, phone.value(), 'noor')).not.toBeNull();
	});
});
