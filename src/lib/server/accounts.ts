import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { checkUsername, normalizeUsername, suggestUsername } from '../domain/auth/credentials';
import { usernameSkeleton } from '../domain/auth/confusables';
import type { FailureLimiter } from '../domain/auth/rate-limit';
import { MAX_DAILY_CAP, MIN_DAILY_CAP } from '../domain/srs/exam-policy';
import { AID_CHOICES, defaultAidLocale, isAidLocale } from '../domain/aid';
import type { AidChoice } from '../domain/aid';
import { LOCALES } from '../domain/locale';
import type { Locale } from '../domain/locale';
import { checkNewPassword, hashPassword, spendPasswordCheck, verifyPasswordHash } from './auth/password';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	toSessionUser
} from './auth/session';
import type { Session, SessionUser } from './auth/session';
import type { Db } from './db';
import { generateId } from './ids';
import * as t from './db/schema';
import { refreshReviewDays } from './db/review-days';
import { limiterFor } from './auth/limiter-store';
import { trustedDevice } from './auth/device';
import { checkNewExamDate, examDateField } from './exam-date';
import { loadAllOwnQuestions, retireOwnQuestions } from './teach/own-questions';

export { isCalendarDate, saveExamDate } from './exam-date';

/*
 * Account use cases (issue: accounts). Each returns a result with a problem code instead of
 * throwing for expected failures; routes turn codes into translated messages.
 */

export type AccountProblem =
	| 'fields_missing'
	| 'field_too_long'
	| 'role_invalid'
	| 'username_length'
	| 'username_characters'
	| 'username_mixed_script'
	| 'username_taken'
	| 'username_lookalike'
	| 'password_too_short'
	| 'password_too_long'
	| 'password_too_common'
	| 'credentials_wrong'
	| 'password_wrong'
	| 'rate_limited'
	| 'settings_invalid'
	| 'exam_date_past'
	| 'exam_date_too_far';

/** Problems per form field, so a form can show every one next to its field at once. */
export interface FieldProblems {
	username?: AccountProblem;
	password?: AccountProblem;
}

export type Result<T> =
	| { ok: true; value: T }
	| { ok: false; problem: AccountProblem; retryAt?: Date; fields?: FieldProblems; suggestion?: string };

const fail = (problem: AccountProblem, retryAt?: Date): { ok: false; problem: AccountProblem; retryAt?: Date } =>
	retryAt === undefined ? { ok: false, problem } : { ok: false, problem, retryAt };

/** Form fields arrive as FormDataEntryValue | null: anything but a string is a missing field. */
const text = (max: number) =>
	z.string({ error: 'fields_missing' }).max(max * 4, { error: 'field_too_long' });

const registerSchema = z.object({
	username: text(32).trim().min(1, { error: 'fields_missing' }),
	password: text(256).min(1, { error: 'fields_missing' }),
	displayName: z
		.string()
		.trim()
		.max(64, { error: 'field_too_long' })
		.nullish()
		.transform((value) => (value ? value : null)),
	// Learners sign up on /register; teachers through its teacher link (role=teacher).
	role: z.enum(['learner', 'teacher'], { error: 'role_invalid' }).default('learner')
});

const loginSchema = z.object({
	username: text(32).trim().min(1, { error: 'fields_missing' }),
	password: text(256).min(1, { error: 'fields_missing' })
});

function firstProblem(error: z.ZodError): AccountProblem {
	const message = error.issues[0]?.message;
	const known: AccountProblem[] = ['fields_missing', 'field_too_long', 'role_invalid'];
	return known.includes(message as AccountProblem) ? (message as AccountProblem) : 'fields_missing';
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** The limiters, kept in the database (a restart is not a reset). */
const limits = (db: Db) => ({
	/** Per username: a password guesser is stopped after 10 tries. */
	loginByUsername: limiterFor(db, 'login-username', { max: 10, windowMs: FIFTEEN_MINUTES }),
	/** Per IP: higher, because a whole class may share one school address. */
	loginByIp: limiterFor(db, 'login-ip', { max: 100, windowMs: FIFTEEN_MINUTES }),
	/** Per IP, as high as log-in's: a class signing up together shares one school address and makes typos. */
	registerByIp: limiterFor(db, 'register-ip', { max: 100, windowMs: FIFTEEN_MINUTES }),
	registerByUsername: limiterFor(db, 'register-username', { max: 10, windowMs: FIFTEEN_MINUTES }),
	/** Per device token (auth/device.ts): a trusted browser's own wrong passwords. */
	loginByDevice: limiterFor(db, 'login-device', { max: 10, windowMs: FIFTEEN_MINUTES })
});

function limited(limiters: [FailureLimiter, string][], now: Date): Date | null {
	let latest: number | null = null;
	for (const [limiter, key] of limiters) {
		const decision = limiter.check(key, now.getTime());
		if (!decision.allowed) latest = Math.max(latest ?? 0, decision.retryAt);
	}
	return latest === null ? null : new Date(latest);
}

/**
 * Takes an attempt from every limiter before the expensive work (a password hash), so attempts
 * sent in parallel cannot all pass the check before any is recorded (the Lucia example's order).
 * Returns when to try again if refused (nothing is taken then), else null; `releaseAttempt` gives
 * the attempt back when it succeeds.
 */
function takeAttempt(limiters: [FailureLimiter, string][], now: Date): Date | null {
	const retryAt = limited(limiters, now);
	if (retryAt) return retryAt;
	for (const [limiter, key] of limiters) limiter.recordFailure(key, now.getTime());
	return null;
}

function releaseAttempt(limiters: [FailureLimiter, string][], now: Date): void {
	for (const [limiter, key] of limiters) limiter.release(key, now.getTime());
}

/** A limiter key from a form's username: bounded before any work on it, then normalized. */
function usernameKeyOf(value: unknown): string {
	return typeof value === 'string' ? normalizeUsername(value.slice(0, 64).trim()) : '';
}

export interface SignedIn {
	user: SessionUser;
	session: Session;
	token: string;
}

/**
 * Creates an account and its first session. `uiLocale` is the language the visitor is using the
 * site in (the registration page's), so a learner who chose Nederlands stays in Nederlands.
 */
export async function registerUser(
	db: Db,
	input: Record<string, unknown>,
	ip: string,
	now: Date,
	uiLocale: Locale = 'en'
): Promise<Result<SignedIn>> {
	const limiters: [FailureLimiter, string][] = [
		[limits(db).registerByIp, ip],
		[limits(db).registerByUsername, usernameKeyOf(input.username)]
	];
	const retryAt = takeAttempt(limiters, now);
	if (retryAt) return fail('rate_limited', retryAt);
	const parsed = registerSchema.safeParse(input);

	if (!parsed.success) return fail(firstProblem(parsed.error));
	const { username, password, displayName, role } = parsed.data;
	// Every problem at once: the form shows each next to its field.
	const key = normalizeUsername(username);
	const fields: FieldProblems = {};
	const skeleton = usernameSkeleton(key);
	const usernameProblem =
		checkUsername(username) ??
		(db.select({ id: t.user.id }).from(t.user).where(eq(t.user.usernameKey, key)).get() ? 'username_taken' : null) ??
		// a look-alike of an existing name ("аре" in Cyrillic beside "ape")
		(db.select({ id: t.user.id }).from(t.user).where(eq(t.user.usernameSkeleton, skeleton)).get() ? 'username_lookalike' : null);
	if (usernameProblem) fields.username = usernameProblem;
	const passwordProblem = checkNewPassword(password);
	if (passwordProblem) fields.password = passwordProblem;
	if (usernameProblem || passwordProblem) {
		const suggestion = usernameProblem === 'username_characters' ? suggestUsername(username) : null;
		return {
			ok: false,
			problem: (usernameProblem ?? passwordProblem)!,
			fields,
			...(suggestion ? { suggestion } : {})
		};
	}

	const passwordHash = await hashPassword(password);
	const token = generateSessionToken();
	const id = generateId();
	try {
		const signedIn = db.transaction((tx) => {
			tx.insert(t.user)
				.values({
					id,
					username: username.normalize('NFKC'),
					usernameKey: key,
					usernameSkeleton: skeleton,
					passwordHash,
					role,
					displayName,
					uiLocale,
					// the translation under the Dutch questions starts in the language the visitor reads
					translationLocale: defaultAidLocale(uiLocale),
					createdAt: now
				})
				.run();
			const session = createSession(tx, token, id, now);
			const row = tx.select().from(t.user).where(eq(t.user.id, id)).get();
			if (!row) throw new Error('user row missing after insert');
			return { user: toSessionUser(row), session, token };
		});
		releaseAttempt(limiters, now);
		return { ok: true, value: signedIn };
	} catch (error) {
		// Two registrations of one name at the same moment: the unique index decides.
		if (error instanceof Error && /UNIQUE constraint failed: user\.username_key/.test(error.message)) {
			return fail('username_taken');
		}
		throw error;
	}
}

/**
 * A wrong username and a wrong password give the same answer and cost the same argon2 work,
 * so the form does not reveal which usernames exist.
 *
 * Lock-out: 10 wrong passwords for a username in 15 minutes lock it, except for a browser with a
 * device token for it (`deviceCookie`, auth/device.ts): there the failures count against that
 * token instead, so a guesser elsewhere cannot lock the learner out of their own phone.
 */
export async function logInUser(
	db: Db,
	input: Record<string, unknown>,
	ip: string,
	now: Date,
	deviceCookie?: string
): Promise<Result<SignedIn>> {
	const usernameKey = usernameKeyOf(input.username);
	const device = trustedDevice(db, deviceCookie, usernameKey);
	const limiters: [FailureLimiter, string][] = [
		[limits(db).loginByIp, ip],
		device ? [limits(db).loginByDevice, device] : [limits(db).loginByUsername, usernameKey]
	];
	const retryAt = takeAttempt(limiters, now);
	if (retryAt) return fail('rate_limited', retryAt);
	const parsed = loginSchema.safeParse(input);
	if (!parsed.success) return fail(firstProblem(parsed.error));

	const row = db
		.select()
		.from(t.user)
		.where(eq(t.user.usernameKey, normalizeUsername(parsed.data.username)))
		.get();
	if (!row) {
		await spendPasswordCheck(parsed.data.password);
		return fail('credentials_wrong');
	}
	if (!(await verifyPasswordHash(row.passwordHash, parsed.data.password))) return fail('credentials_wrong');
	releaseAttempt(limiters, now);
	// A log-in from an unknown browser clears the username's failures; one through a device token
	// does not, so a guesser elsewhere stays locked out.
	if (device) limits(db).loginByDevice.reset(device);
	else limits(db).loginByUsername.reset(usernameKey);
	const token = generateSessionToken();
	const session = createSession(db, token, row.id, now);
	return { ok: true, value: { user: toSessionUser(row), session, token } };
}

const changePasswordSchema = z.object({
	currentPassword: text(256).min(1, { error: 'fields_missing' }),
	newPassword: text(256).min(1, { error: 'fields_missing' })
});

/**
 * The current password, asked before a change of password or deleting the account, under the
 * login limiter of the user's name: a stolen session cannot guess it at full speed.
 */
async function checkCurrentPassword(db: Db, userId: string, password: string, now: Date): Promise<Result<null>> {
	const row = db.select().from(t.user).where(eq(t.user.id, userId)).get();
	if (!row) return fail('password_wrong');
	const limiters: [FailureLimiter, string][] = [[limits(db).loginByUsername, row.usernameKey]];
	const retryAt = takeAttempt(limiters, now);
	if (retryAt) return fail('rate_limited', retryAt);
	if (!(await verifyPasswordHash(row.passwordHash, password))) return fail('password_wrong');
	releaseAttempt(limiters, now);
	return { ok: true, value: null };
}

/**
 * Changes the password, ends every session of the user (other devices and this one) and starts a
 * new session for this browser: a token someone copied before the change is worth nothing after.
 */
export async function changePassword(
	db: Db,
	user: SessionUser,
	input: Record<string, unknown>,
	now: Date
): Promise<Result<{ token: string; session: Session }>> {
	const parsed = changePasswordSchema.safeParse(input);
	if (!parsed.success) return fail(firstProblem(parsed.error));
	const checked = await checkCurrentPassword(db, user.id, parsed.data.currentPassword, now);
	if (!checked.ok) return checked;
	const problem = checkNewPassword(parsed.data.newPassword);
	if (problem) return fail(problem);
	const passwordHash = await hashPassword(parsed.data.newPassword);
	const token = generateSessionToken();
	const session = db.transaction((tx) => {
		tx.update(t.user).set({ passwordHash }).where(eq(t.user.id, user.id)).run();
		invalidateUserSessions(tx, user.id);
		return createSession(tx, token, user.id, now);
	});
	return { ok: true, value: { token, session } };
}

/** Deletes the user with everything stored about them (sessions cascade) in one transaction. */
export async function deleteAccount(
	db: Db,
	user: SessionUser,
	input: Record<string, unknown>,
	now: Date
): Promise<Result<null>> {
	const password = input.password;
	if (typeof password !== 'string' || password === '' || password.length > 256) return fail('fields_missing');
	const checked = await checkCurrentPassword(db, user.id, password, now);
	if (!checked.ok) return checked;
	// Sessions, cards, review log, showings, mock exams and own question sets all reference the
	// user with ON DELETE CASCADE (foreign keys are on), so one statement removes everything. A
	// teacher's own questions stay, retired and without owner: learners' answers point at them.
	db.transaction(() => {
		retireOwnQuestions(db, user.id, now);
		db.delete(t.user).where(eq(t.user.id, user.id)).run();
	});
	return { ok: true, value: null };
}

/** Every IANA time zone this server knows, for validating the settings form. */
const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));

const settingsSchema = z.object({
	displayName: z
		.string()
		.trim()
		.max(64)
		.nullish()
		.transform((value) => (value ? value : null)),
	uiLocale: z.enum(LOCALES),
	translationLocale: z.enum(AID_CHOICES),
	// a checkbox after a hidden "off": the last value is the one sent; absent keeps the stored value
	aidFading: z
		.enum(['on', 'off'])
		.optional()
		.transform((value) => (value === undefined ? undefined : value === 'on')),
	examDate: examDateField,
	timezone: z.string().refine((value) => TIME_ZONES.has(value) || value === 'UTC'),
	dayStartsHour: z.coerce.number().int().min(0).max(23),
	desiredRetention: z.coerce.number().min(0.8).max(0.97),
	newPerDay: z.coerce.number().int().min(0).max(200),
	// absent from a form that does not show it: the stored value stays
	dailyCap: z.coerce.number().int().min(MIN_DAILY_CAP).max(MAX_DAILY_CAP).optional()
});

export type Settings = z.output<typeof settingsSchema>;

/**
 * Stores the interface language a signed-in learner chose, so every device and login keeps it.
 * A learner who switches to Arabic, Turkish, Persian, Ukrainian or English also gets the
 * translation under the Dutch questions in that language, unless they turned the translation off
 * (the account settings can set another one).
 */
export function saveInterfaceLanguage(db: Db, userId: string, uiLocale: Locale): void {
	const aid = isAidLocale(uiLocale) ? { translationLocale: sql<AidChoice>`CASE WHEN ${t.user.translationLocale} = 'none' THEN 'none' ELSE ${uiLocale} END` } : {};
	db.update(t.user).set({ uiLocale, ...aid }).where(eq(t.user.id, userId)).run();
}

export function updateSettings(db: Db, user: SessionUser, input: Record<string, unknown>, now: Date): Result<Settings> {
	const parsed = settingsSchema.safeParse(input);
	if (!parsed.success) return fail('settings_invalid');
	const refused = checkNewExamDate(parsed.data.examDate, user.examDate, { timeZone: parsed.data.timezone, dayStartsHour: parsed.data.dayStartsHour }, now);
	if (refused) return fail(refused);
	db.transaction(() => {
		db.update(t.user).set(parsed.data).where(eq(t.user.id, user.id)).run();
		if (parsed.data.timezone !== user.timezone || parsed.data.dayStartsHour !== user.dayStartsHour) refreshReviewDays(db.$client, user.id);
	});
	return { ok: true, value: parsed.data };
}

/** Everything stored about the user, for "download my data" (no password hash, no session ids). */
export function exportUserData(db: Db, user: SessionUser, now: Date) {
	const row = db.select().from(t.user).where(eq(t.user.id, user.id)).get();
	if (!row) return null;
	const sessions = db
		.select({ createdAt: t.session.createdAt, expiresAt: t.session.expiresAt })
		.from(t.session)
		.where(eq(t.session.userId, user.id))
		.all();
	return {
		exportedAt: now.toISOString(),
		account: {
			username: row.username,
			role: row.role,
			displayName: row.displayName,
			createdAt: row.createdAt.toISOString()
		},
		settings: {
			uiLocale: row.uiLocale,
			translationLocale: row.translationLocale,
			aidFading: row.aidFading,
			examDate: row.examDate,
			timezone: row.timezone,
			dayStartsHour: row.dayStartsHour,
			desiredRetention: row.desiredRetention,
			newPerDay: row.newPerDay,
			dailyCap: row.dailyCap
		},
		sessions: sessions.map((s) => ({
			createdAt: s.createdAt.toISOString(),
			expiresAt: s.expiresAt.toISOString()
		})),
		// the classes joined, and whether their teacher may see the exam date (the join screen's promise)
		classes: db
			.select({
				className: t.schoolClass.name,
				teacher: sql<string>`coalesce(${t.user.displayName}, ${t.user.username})`,
				joinedAt: t.classMember.joinedAt,
				sharesExamDate: t.classMember.sharesExamDate
			})
			.from(t.classMember)
			.innerJoin(t.schoolClass, eq(t.schoolClass.id, t.classMember.classId))
			.innerJoin(t.user, eq(t.user.id, t.schoolClass.ownerId))
			.where(eq(t.classMember.userId, user.id))
			.all()
			.map((membership) => ({ ...membership, joinedAt: membership.joinedAt.toISOString() })),
		// a teacher's own questions as they now read (the same fields as the CSV download)
		ownQuestions: loadAllOwnQuestions(db, user.id).map(({ learners: _learners, ...question }) => question),
		cards: db
			.select()
			.from(t.card)
			.where(eq(t.card.userId, user.id))
			.all()
			.map(({ userId: _userId, ...card }) => card),
		reviews: db
			.select()
			.from(t.reviewLog)
			.where(eq(t.reviewLog.userId, user.id))
			.all()
			.map(({ userId: _userId, id: _id, ...review }) => review),
		mockExams: db
			.select()
			.from(t.examAttempt)
			.where(eq(t.examAttempt.userId, user.id))
			.all()
			.map(({ userId: _userId, ...attempt }) => ({
				...attempt,
				answers: db
					.select()
					.from(t.examAnswer)
					.where(eq(t.examAnswer.attemptId, attempt.id))
					.all()
					.map(({ attemptId: _attemptId, ...answer }) => answer)
			})),
		examOutcomes: db
			.select()
			.from(t.examOutcome)
			.where(eq(t.examOutcome.userId, user.id))
			.all()
			.map(({ userId: _userId, ...outcome }) => outcome),
		examPlan: {
			situation: db
				.select({ law: t.examPlan.law, route: t.examPlan.route, deadline: t.examPlan.deadline, updatedAt: t.examPlan.updatedAt })
				.from(t.examPlan)
				.where(eq(t.examPlan.userId, user.id))
				.get() ?? null,
			exams: db
				.select({ examId: t.examPlanExam.examId, status: t.examPlanExam.status, examDate: t.examPlanExam.examDate })
				.from(t.examPlanExam)
				.where(eq(t.examPlanExam.userId, user.id))
				.all()
		}
	};
}
