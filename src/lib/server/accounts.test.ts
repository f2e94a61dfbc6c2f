import { count, eq } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { changePassword, deleteAccount, exportUserData, logInUser, registerUser, saveExamDate, saveInterfaceLanguage, updateSettings } from './accounts';
import { validateSessionToken } from './auth/session';
import { openDatabase } from './db';
import type { Db } from './db';
import * as t from './db/schema';

const NOW = new Date('2026-11-01T12:00:00Z');
const IP = '203.0.113.7';
const PASSWORD = 'fiets regen koffie';

describe('accounts', () => {
	let db: Db;

	beforeEach(() => {
		db = openDatabase(':memory:');
	});

	async function register(username: string, extra: Record<string, unknown> = {}) {
		const result = await registerUser(db, { username, password: PASSWORD, role: 'learner', ...extra }, IP, NOW);
		if (!result.ok) throw new Error(result.problem);
		return result.value;
	}

	it('registers, stores an argon2id hash and signs the user in', async () => {
		const signedIn = await register('Amina.K', { displayName: 'Amina', role: 'teacher' });
		const row = db.select().from(t.user).get();
		expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(row?.usernameKey).toBe('amina.k');
		expect(signedIn.user).toMatchObject({ username: 'Amina.K', role: 'teacher', displayName: 'Amina' });
		expect(validateSessionToken(db, signedIn.token, NOW).user?.id).toBe(signedIn.user.id);
	});

	it('refuses bad registrations and writes nothing', async () => {
		await register('taken');
		const attempts: [Record<string, unknown>, string][] = [
			[{ username: 'TAKEN', password: PASSWORD, role: 'learner' }, 'username_taken'],
			[{ username: 'ab', password: PASSWORD, role: 'learner' }, 'username_length'],
			[{ username: 'a b c', password: PASSWORD, role: 'learner' }, 'username_characters'],
			[{ username: 'nieuw', password: 'qwertyuiop', role: 'learner' }, 'password_too_common'],
			[{ username: 'nieuw', password: 'kort', role: 'learner' }, 'password_too_short'],
			[{ username: 'nieuw', password: PASSWORD, role: 'admin' }, 'role_invalid'],
			[{ username: '', password: PASSWORD, role: 'learner' }, 'fields_missing'],
			[{ password: PASSWORD, role: 'learner' }, 'fields_missing'],
			[{ username: 'nieuw', password: PASSWORD, role: 'learner', displayName: 'x'.repeat(65) }, 'field_too_long']
		];
		for (const [input, problem] of attempts) {
			const result = await registerUser(db, input, '198.51.100.1', NOW);
			expect(result, JSON.stringify(input)).toMatchObject({ ok: false, problem });
		}
		expect(db.select({ n: count() }).from(t.user).get()?.n).toBe(1);
	});

	it('gives the same answer for a wrong username and a wrong password', async () => {
		await register('sara');
		const wrongUser = await logInUser(db, { username: 'nobody', password: PASSWORD }, IP, NOW);
		const wrongPassword = await logInUser(db, { username: 'sara', password: 'not the password' }, IP, NOW);
		expect(wrongUser).toEqual({ ok: false, problem: 'credentials_wrong' });
		expect(wrongPassword).toEqual({ ok: false, problem: 'credentials_wrong' });
		const right = await logInUser(db, { username: 'SARA', password: PASSWORD }, IP, NOW);
		expect(right.ok).toBe(true);
	});

	it('locks a username after 10 failures in 15 minutes', async () => {
		await register('omar');
		for (let i = 0; i < 10; i++) {
			const result = await logInUser(db, { username: 'omar', password: `wrong ${i}` }, '192.0.2.1', NOW);
			expect(result).toMatchObject({ problem: 'credentials_wrong' });
		}
		const locked = await logInUser(db, { username: 'omar', password: PASSWORD }, '192.0.2.2', NOW);
		expect(locked).toMatchObject({ ok: false, problem: 'rate_limited' });
		if (!locked.ok) expect(locked.retryAt).toEqual(new Date(NOW.getTime() + 15 * 60_000));
		const afterWindow = new Date(NOW.getTime() + 15 * 60_000 + 1);
		expect((await logInUser(db, { username: 'omar', password: PASSWORD }, '192.0.2.2', afterWindow)).ok).toBe(true);
	});

	it('changes the password, ends every session, and gives this browser a new token', async () => {
		const first = await register('yusuf');
		const second = await logInUser(db, { username: 'yusuf', password: PASSWORD }, IP, NOW);
		if (!second.ok) throw new Error('login failed');
		const wrong = await changePassword(
			db,
			first.user,
			{
				currentPassword: 'nope nope',
				newPassword: 'nieuw wachtwoord 2'
			},
			NOW
		);
		expect(wrong).toEqual({ ok: false, problem: 'password_wrong' });
		const changed = await changePassword(
			db,
			first.user,
			{
				currentPassword: PASSWORD,
				newPassword: 'nieuw wachtwoord 2'
			},
			NOW
		);
		if (!changed.ok) throw new Error('change failed');
		// every session ends, the one that changed the password too; it goes on with a new token
		expect(validateSessionToken(db, first.token, NOW).user).toBeNull();
		expect(validateSessionToken(db, second.value.token, NOW).user).toBeNull();
		expect(changed.value.token).not.toBe(first.token);
		expect(validateSessionToken(db, changed.value.token, NOW).user?.id).toBe(first.user.id);
		expect((await logInUser(db, { username: 'yusuf', password: 'nieuw wachtwoord 2' }, IP, NOW)).ok).toBe(true);
	});

	it('refuses a look-alike of an existing username, and a name mixing alphabets', async () => {
		await register('ape');
		// the same three letters in Cyrillic
		expect(await registerUser(db, { username: '\u0430\u0440\u0435', password: PASSWORD, role: 'learner' }, '198.51.100.21', NOW)).toMatchObject({
			ok: false,
			problem: 'username_lookalike',
			fields: { username: 'username_lookalike' }
		});
		expect(await registerUser(db, { username: 'p\u0430ypal', password: PASSWORD, role: 'learner' }, '198.51.100.21', NOW)).toMatchObject({ ok: false, problem: 'username_mixed_script' });
		await register('paypal');
		expect(await registerUser(db, { username: 'PayPa1', password: PASSWORD, role: 'learner' }, '198.51.100.21', NOW)).toMatchObject({ ok: false, problem: 'username_lookalike' });
		// a different name in Cyrillic is fine
		expect((await registerUser(db, { username: '\u0418\u0432\u0430\u043d', password: PASSWORD, role: 'learner' }, '198.51.100.21', NOW)).ok).toBe(true);
		expect(db.select({ n: count() }).from(t.user).get()?.n).toBe(3);
	});

	it('gives accounts from before the look-alike check their skeleton when the database opens', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'knm-skeleton-'));
		try {
			const path = join(dir, 'old.db');
			const old = openDatabase(path);
			old.insert(t.user).values({ id: 'o'.repeat(32), username: 'Olga', usernameKey: 'olga', passwordHash: 'x', role: 'learner', createdAt: NOW }).run();
			old.$client.close();
			const reopened = openDatabase(path);
			expect(reopened.select({ skeleton: t.user.usernameSkeleton }).from(t.user).get()?.skeleton).toBe('olga');
			// "оlgа" with Cyrillic о and а
			expect(await registerUser(reopened, { username: '\u043el\u0433\u0430', password: PASSWORD, role: 'learner' }, '198.51.100.22', NOW)).toMatchObject({ ok: false });
			expect(await registerUser(reopened, { username: '0lga', password: PASSWORD, role: 'learner' }, '198.51.100.22', NOW)).toMatchObject({ ok: false, problem: 'username_lookalike' });
			reopened.$client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('reports every registration problem at once, with a username made from a full name', async () => {
		const result = await registerUser(db, { username: 'Fatima Yusuf', password: 'short' }, '198.51.100.7', NOW);
		expect(result).toMatchObject({
			ok: false,
			problem: 'username_characters',
			fields: { username: 'username_characters', password: 'password_too_short' },
			suggestion: 'Fatima.Yusuf'
		});
		// Without a role a learner account is made (teachers sign up through their own link).
		const learner = await registerUser(db, { username: 'Fatima.Yusuf', password: PASSWORD }, '198.51.100.7', NOW);
		expect(learner.ok && learner.value.user.role).toBe('learner');
		expect(db.select({ n: count() }).from(t.user).get()?.n).toBe(1);
	});

	it('saves the exam date alone, clears it when empty, and refuses a date that does not exist', async () => {
		const { user } = await register('yara');
		expect(saveExamDate(db, user, { examDate: '2027-03-15' }, NOW)).toEqual({ ok: true, value: '2027-03-15' });
		expect(saveExamDate(db, user, { examDate: '2027-02-30' }, NOW)).toEqual({ ok: false, problem: 'settings_invalid' });
		expect(saveExamDate(db, user, { examDate: 'morgen' }, NOW)).toEqual({ ok: false, problem: 'settings_invalid' });
		expect(exportUserData(db, user, NOW)?.settings.examDate).toBe('2027-03-15');
		expect(saveExamDate(db, user, { examDate: '' }, NOW)).toEqual({ ok: true, value: null });
		expect(exportUserData(db, user, NOW)?.settings.examDate).toBeNull();
	});

	it('refuses an exam date that has passed or is more than 2 years away, in the learner\'s days', async () => {
		const { user } = await register('omar');
		// 1 November 2026, 12:00 UTC: 13:00 in Amsterdam.
		expect(saveExamDate(db, user, { examDate: '2026-10-31' }, NOW)).toEqual({ ok: false, problem: 'exam_date_past' });
		expect(saveExamDate(db, user, { examDate: '2028-11-02' }, NOW)).toEqual({ ok: false, problem: 'exam_date_too_far' });
		expect(exportUserData(db, user, NOW)?.settings.examDate).toBeNull();
		// Today and two years ahead are fine.
		expect(saveExamDate(db, user, { examDate: '2026-11-01' }, NOW)).toEqual({ ok: true, value: '2026-11-01' });
		expect(saveExamDate(db, user, { examDate: '2028-10-31' }, NOW)).toEqual({ ok: true, value: '2028-10-31' });
		// 02:00 in Amsterdam on 2 November, before the 04:00 rollover: still 1 November.
		const early = new Date('2026-11-02T01:00:00Z');
		expect(saveExamDate(db, { ...user, examDate: null }, { examDate: '2026-11-01' }, early)).toEqual({ ok: true, value: '2026-11-01' });
		// The settings form refuses the same, and keeps an exam date already saved when it has passed.
		const settings = { uiLocale: 'en', translationLocale: 'en', timezone: 'Europe/Amsterdam', dayStartsHour: '4', desiredRetention: '0.9', newPerDay: '20' };
		expect(updateSettings(db, { ...user, examDate: null }, { ...settings, examDate: '2026-01-01' }, NOW)).toEqual({ ok: false, problem: 'exam_date_past' });
		const later = new Date('2026-12-01T12:00:00Z');
		expect(updateSettings(db, { ...user, examDate: '2026-11-01' }, { ...settings, examDate: '2026-11-01' }, later).ok).toBe(true);
	});

	it('saves valid settings and refuses invalid ones', async () => {
		const { user } = await register('lina');
		const valid = {
			displayName: 'Lina',
			uiLocale: 'nl',
			translationLocale: 'en',
			aidFading: 'off',
			examDate: '2027-03-15',
			timezone: 'Europe/Amsterdam',
			dayStartsHour: '5',
			desiredRetention: '0.85',
			newPerDay: '15',
			dailyCap: '60'
		};
		expect(updateSettings(db, user, valid, NOW).ok).toBe(true);
		for (const bad of [
			{ ...valid, uiLocale: 'fr' },
			{ ...valid, examDate: '2027-02-30' },
			{ ...valid, timezone: 'Mars/Olympus' },
			{ ...valid, translationLocale: 42 },
			{ ...valid, translationLocale: 'de' },
			{ ...valid, aidFading: 'maybe' },
			{ ...valid, desiredRetention: '0.5' },
			{ ...valid, desiredRetention: 'veel' },
			{ ...valid, newPerDay: '2.5' },
			{ ...valid, dayStartsHour: '24' },
			{ ...valid, dayStartsHour: '-1' },
			{ ...valid, dailyCap: '19' },
			{ ...valid, dailyCap: '301' },
			{ ...valid, dailyCap: 'veel' }
		]) {
			expect(updateSettings(db, user, bad, NOW)).toEqual({ ok: false, problem: 'settings_invalid' });
		}
		const data = exportUserData(db, user, NOW);
		expect(data?.settings).toEqual({
			uiLocale: 'nl',
			translationLocale: 'en',
			aidFading: false,
			examDate: '2027-03-15',
			timezone: 'Europe/Amsterdam',
			dayStartsHour: 5,
			desiredRetention: 0.85,
			newPerDay: 15,
			dailyCap: 60
		});
		expect(JSON.stringify(data)).not.toContain('argon2');
	});

	it('starts the translation in the language the learner signs up in, and moves it when the interface language changes, unless it was turned off', async () => {
		const aidOf = (id: string) => db.select({ ui: t.user.uiLocale, aid: t.user.translationLocale }).from(t.user).where(eq(t.user.id, id)).get();
		const arabic = await registerUser(db, { username: 'amal', password: PASSWORD, role: 'learner' }, IP, NOW, 'ar');
		const dutch = await registerUser(db, { username: 'daan', password: PASSWORD, role: 'learner' }, IP, NOW, 'nl');
		if (!arabic.ok || !dutch.ok) throw new Error('not registered');
		expect(aidOf(arabic.value.user.id)).toEqual({ ui: 'ar', aid: 'ar' });
		expect(aidOf(dutch.value.user.id)).toEqual({ ui: 'nl', aid: 'en' });
		// to Ukrainian: the translation follows; to Dutch (not a translation language): it stays
		saveInterfaceLanguage(db, arabic.value.user.id, 'uk');
		expect(aidOf(arabic.value.user.id)).toEqual({ ui: 'uk', aid: 'uk' });
		saveInterfaceLanguage(db, arabic.value.user.id, 'nl');
		expect(aidOf(arabic.value.user.id)).toEqual({ ui: 'nl', aid: 'uk' });
		// turned off in the settings: a language switch does not turn it on again
		db.update(t.user).set({ translationLocale: 'none' }).where(eq(t.user.id, dutch.value.user.id)).run();
		saveInterfaceLanguage(db, dutch.value.user.id, 'tr');
		expect(aidOf(dutch.value.user.id)).toEqual({ ui: 'tr', aid: 'none' });
	});

	it('deletes the account with its sessions, only with the right password', async () => {
		const { user, token } = await register('noor');
		expect(await deleteAccount(db, user, { password: 'wrong wrong' }, NOW)).toEqual({ ok: false, problem: 'password_wrong' });
		expect((await deleteAccount(db, user, { password: PASSWORD }, NOW)).ok).toBe(true);
		expect(db.select().from(t.user).where(eq(t.user.id, user.id)).get()).toBeUndefined();
		expect(db.select({ n: count() }).from(t.session).get()?.n).toBe(0);
		expect(validateSessionToken(db, token, NOW).user).toBeNull();
	});

	it('counts parallel wrong passwords before checking them: 30 at once, 10 checked', async () => {
		await register('parallel');
		const results = await Promise.all(
			Array.from({ length: 30 }, () => logInUser(db, { username: 'parallel', password: 'wrong wrong' }, `10.0.0.${Math.floor(Math.random() * 200)}`, NOW))
		);
		const problems = results.map((result) => (result.ok ? 'ok' : result.problem));
		expect(problems.filter((problem) => problem === 'credentials_wrong')).toHaveLength(10);
		expect(problems.filter((problem) => problem === 'rate_limited')).toHaveLength(20);
		// the right password now waits too, until the window has passed
		expect(await logInUser(db, { username: 'parallel', password: PASSWORD }, IP, NOW)).toMatchObject({ ok: false, problem: 'rate_limited' });
		expect((await logInUser(db, { username: 'parallel', password: PASSWORD }, IP, new Date(NOW.getTime() + 16 * 60_000))).ok).toBe(true);
	});

	it('puts the current password of a signed-in user under the same limit', async () => {
		const { user } = await register('stolen');
		for (let i = 0; i < 10; i++) {
			expect(await deleteAccount(db, user, { password: `guess ${i}` }, NOW)).toEqual({ ok: false, problem: 'password_wrong' });
		}
		expect(await changePassword(db, user, { currentPassword: PASSWORD, newPassword: 'nieuw wachtwoord 3' }, NOW)).toMatchObject({
			ok: false,
			problem: 'rate_limited'
		});
		expect(await deleteAccount(db, user, { password: PASSWORD }, NOW)).toMatchObject({ ok: false, problem: 'rate_limited' });
		expect(db.select().from(t.user).where(eq(t.user.id, user.id)).get()).toBeDefined();
	});

	it('a class of 25 signing up behind one school address, with two typos each, is not locked out', async () => {
		const school = '203.0.113.200';
		for (let learner = 0; learner < 25; learner++) {
			for (const typo of ['kort', 'password1']) {
				expect((await registerUser(db, { username: `cursist${learner}`, password: typo, role: 'learner' }, school, NOW)).ok).toBe(false);
			}
			expect((await registerUser(db, { username: `cursist${learner}`, password: PASSWORD, role: 'learner' }, school, NOW)).ok).toBe(true);
		}
		// 50 failures so far; the address is refused after 100 in 15 minutes
		for (let i = 0; i < 50; i++) await registerUser(db, { username: `spam${i}`, password: 'kort', role: 'learner' }, school, NOW);
		expect(await registerUser(db, { username: 'laatste', password: PASSWORD, role: 'learner' }, school, NOW)).toMatchObject({ ok: false, problem: 'rate_limited' });
	});

	it('limits registrations by name without keeping the huge names it was sent', async () => {
		const huge = 'a'.repeat(500_000);
		for (let i = 0; i < 12; i++) {
			const result = await registerUser(db, { username: `${huge}${i}`, password: PASSWORD }, `192.168.1.${i}`, NOW);
			expect(result.ok).toBe(false);
		}
		// All share one bounded key: the 11th and later are refused by the name limit.
		const last = await registerUser(db, { username: `${huge}x`, password: PASSWORD }, '192.168.2.1', NOW);
		expect(last).toMatchObject({ ok: false, problem: 'rate_limited' });
	});
});

