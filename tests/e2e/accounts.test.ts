import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { dateInDays, logIn, openPage, PASSWORD, registerAs, uniqueUsername } from './helpers';

test.describe('accounts', () => {
	test('register → log out → log in', async ({ page }) => {
		const username = uniqueUsername('ali');
		await registerAs(page, username);
		await page.getByRole('link', { name: 'My account' }).click();
		await expect(page.getByText(`You are logged in as ${username}.`)).toBeVisible();

		// The account page has its own Log out, with the advice to write the password down.
		await page.getByRole('region', { name: 'Log out' }).getByRole('button', { name: 'Log out' }).click();
		await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
		const response = await page.goto('/account');
		expect(response?.url()).toContain('/login?redirectTo=%2Faccount');

		await logIn(page, username.toUpperCase());
		// Back to the page that asked for the login.
		await expect(page).toHaveURL(/\/account$/);
		await expect(page.getByText(`You are logged in as ${username}.`)).toBeVisible();
	});

	test('on a shared computer, Back after logging out does not show the previous user\'s page', async ({ page }) => {
		const username = uniqueUsername('gedeeld');
		await registerAs(page, username);
		// Pages made for a signed-in user are not stored; a page for anyone may be.
		const signedIn = await page.request.get('/account');
		expect(signedIn.headers()['cache-control']).toBe('private, no-store');
		await openPage(page, '/account');
		await expect(page.getByText(`You are logged in as ${username}.`)).toBeVisible();
		await page.getByRole('region', { name: 'Log out' }).getByRole('button', { name: 'Log out' }).click();
		await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
		await page.goBack();
		await expect(page.getByText(`You are logged in as ${username}.`)).toHaveCount(0);
		expect((await page.request.get('/sources')).headers()['cache-control'] ?? '').not.toContain('no-store');
	});

	test('a wrong password and an unknown user get the same message', async ({ page }) => {
		const username = uniqueUsername('sara');
		await registerAs(page, username);
		await page.getByRole('button', { name: 'Log out' }).click();

		await openPage(page, '/login');
		await logIn(page, username, 'not my password');
		await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
		await expect(page.getByLabel('Username')).toHaveValue(username);
		await expect(page.getByLabel('Password')).toHaveValue('');

		await logIn(page, uniqueUsername('nobody'), PASSWORD);
		await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
	});

	test('registration refuses bad input with a clear message', async ({ page }) => {
		await openPage(page, '/register');
		await page.getByLabel('Username').fill('ab');
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		// Skip the browser's own checks to see the server's answer.
		await page.locator('form.form').evaluate((form) => form.setAttribute('novalidate', ''));
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('alert')).toHaveText('A username has 3 to 32 characters.');

		await page.locator('form.form').evaluate((form) => form.setAttribute('novalidate', ''));
		await page.getByLabel('Username').fill(uniqueUsername('weak'));
		await page.getByLabel('Password', { exact: true }).fill('password1');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('alert')).toHaveText('This password is very common and easy to guess. Choose another one.');
	});

	test('a look-alike of an existing username is refused (Cyrillic letters that look Latin)', async ({ page, context }) => {
		const digits = String(Date.now()).slice(-9);
		await registerAs(page, `ape${digits}`);
		await context.clearCookies();
		await openPage(page, '/register');
		// "аре" in Cyrillic, then the same digits
		await page.getByLabel('Username').fill(`\u0430\u0440\u0435${digits}`);
		await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByRole('alert')).toHaveText('This username looks too much like a username that already exists. Choose another one.');
	});

	test("ten failed logins give 429 with a time to retry, except on the learner's own browser", async ({ page, request, browser }) => {
		const username = uniqueUsername('limit');
		await registerAs(page, username);
		await page.getByRole('button', { name: 'Log out' }).click();
		// a guesser somewhere else
		for (let i = 0; i < 10; i++) {
			const response = await request.post('/login', {
				form: { username, password: `wrong password ${i}` },
				headers: { origin: 'http://localhost:4173', accept: 'text/html' }
			});
			expect(response.status()).toBe(400);
		}
		const response = await request.post('/login', {
			form: { username, password: PASSWORD },
			headers: { origin: 'http://localhost:4173', accept: 'text/html' }
		});
		expect(response.status()).toBe(429);
		expect(await response.text()).toContain('You tried too many times');
		// another browser that never logged in to this account is locked out too...
		const library = await browser.newContext();
		const computer = await library.newPage();
		await openPage(computer, '/login');
		await logIn(computer, username);
		await expect(computer.getByRole('alert')).toHaveText(/^You tried too many times\. Try again in 1[45] minutes\.$/);
		await library.close();
		// ...but the browser the learner signed up with (its device cookie) still gets in
		await openPage(page, '/login');
		await logIn(page, username);
		await expect(page.locator('header a[href="/account"]').first()).toBeAttached();
		expect((await page.context().cookies()).find((cookie) => cookie.name === 'knm_device')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
	});

	test('a learner is refused a teacher page; a teacher is not', async ({ page, browser }) => {
		await registerAs(page, uniqueUsername('learner'));
		const refused = await page.goto('/teach');
		expect(refused?.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have no access to this page');

		const context = await browser.newContext();
		const teacher = await context.newPage();
		await registerAs(teacher, uniqueUsername('teacher'), 'teacher');
		const allowed = await teacher.goto('/teach');
		expect(allowed?.status()).toBe(200);
		await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('For teachers');
		await expect(teacher.getByText(/^7\.2\.3 /)).toBeVisible();
		await context.close();
	});

	test('a signed-out visitor is sent to log in for a private page', async ({ page }) => {
		await page.goto('/teach');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fteach$/);
		await expect(page.getByText('Log in to open this page.')).toBeVisible();
	});

	test('the session cookie has the right flags, and a forged cookie is ignored', async ({ page, context, baseURL }) => {
		await registerAs(page, uniqueUsername('cookie'));
		const cookie = (await context.cookies()).find((c) => c.name === 'knm_session');
		expect(cookie).toBeDefined();
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
		expect(cookie!.value).toMatch(/^[a-z2-7]{32}$/);
		const days = (cookie!.expires * 1000 - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(29);
		expect(days).toBeLessThanOrEqual(30);

		await context.clearCookies();
		await context.addCookies([{ name: 'knm_session', value: 'a'.repeat(32), url: baseURL!, httpOnly: true }]);
		const response = await page.goto('/account');
		expect(response?.url()).toContain('/login');
		await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
		expect((await context.cookies()).find((c) => c.name === 'knm_session')).toBeUndefined();
	});

	test('settings are saved and the data download contains them', async ({ page }) => {
		const username = uniqueUsername('lina');
		await registerAs(page, username);
		await openPage(page, '/account');
		await page.getByLabel('Your name (if you want)').fill('Lina');
		const examDate = dateInDays(100);
		await page.getByLabel('Date of your KNM exam (if you know it)').fill(examDate);
		await page.getByLabel('Most answers a day before your exam').fill('80');
		// fading off: the translation stays open, also for questions the learner knows
		await page.getByLabel('Fold the translation of questions I know').uncheck();
		await page.getByText('More settings: how often, time zone, start of the day').click();
		await page.getByLabel('Time zone').selectOption('Europe/Amsterdam');
		await page.getByLabel('My day starts at').selectOption('5');
		await page.getByLabel('How often do you want to practise questions again?').selectOption({ label: 'More often: you forget less' });
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status')).toHaveText('We saved your settings.');

		const response = await page.request.get('/account/data');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-disposition']).toContain('attachment');
		const data = await response.json();
		expect(data.account).toMatchObject({ username, displayName: 'Lina', role: 'learner' });
		expect(data.settings).toEqual({
			uiLocale: 'en',
			translationLocale: 'en',
			aidFading: false,
			examDate,
			timezone: 'Europe/Amsterdam',
			dayStartsHour: 5,
			desiredRetention: 0.95,
			newPerDay: 20,
			dailyCap: 80
		});
		expect(JSON.stringify(data)).not.toContain('argon2');
	});

	test('switching the website language in settings changes the interface', async ({ page }) => {
		await registerAs(page, uniqueUsername('taal'));
		await openPage(page, '/account');
		await page.getByLabel('Language of the website').selectOption('nl');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page).toHaveURL(/\/account\?saved=settings$/);
		await expect(page.getByRole('status')).toHaveText('We hebben uw instellingen opgeslagen.');
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn account');
	});

	test('changing the password ends every other session, and this browser goes on with a new token', async ({ page, browser, context }) => {
		const username = uniqueUsername('yusuf');
		await registerAs(page, username);
		const sessionCookie = async () => (await context.cookies()).find((cookie) => cookie.name === 'knm_session')!.value;
		const before = await sessionCookie();
		const other = await browser.newContext();
		const phone = await other.newPage();
		await openPage(phone, '/login');
		await logIn(phone, username);
		await expect(phone.getByRole('link', { name: 'My account' })).toBeVisible();

		await openPage(page, '/account');
		await page.getByLabel('Current password').fill(PASSWORD);
		await page.getByLabel('New password').fill('een heel nieuw wachtwoord');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page.getByRole('status')).toHaveText(/We changed your password/);

		await phone.goto('/account');
		await expect(phone).toHaveURL(/\/login/);
		await page.goto('/account');
		await expect(page).toHaveURL(/\/account$/);
		// a copy of the old cookie is worth nothing now
		expect(await sessionCookie()).not.toBe(before);
		const copied = await browser.newContext();
		await copied.addCookies([{ name: 'knm_session', value: before, url: page.url() }]);
		const thief = await copied.newPage();
		await thief.goto('/account');
		await expect(thief).toHaveURL(/\/login/);
		await copied.close();
		await other.close();
	});

	test('logging in as someone else in a signed-in browser ends the first session', async ({ page, context, browser, baseURL }) => {
		const first = uniqueUsername('eerste');
		const second = uniqueUsername('tweede');
		await registerAs(page, second);
		await context.clearCookies();
		await registerAs(page, first);
		const firstToken = (await context.cookies()).find((cookie) => cookie.name === 'knm_session')!.value;
		// the log-in form posted from this signed-in browser (another tab still showed it)
		const response = await page.request.post('/login', { form: { username: second, password: PASSWORD }, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
		expect(response.status()).toBe(303);
		await page.goto('/account');
		await expect(page.getByText(`You are logged in as ${second}.`)).toBeVisible();
		const copied = await browser.newContext();
		await copied.addCookies([{ name: 'knm_session', value: firstToken, url: baseURL! }]);
		const old = await copied.newPage();
		await old.goto('/account');
		await expect(old).toHaveURL(/\/login/);
		await copied.close();
	});

	test('delete account removes the user: logging in fails afterwards', async ({ page }) => {
		const username = uniqueUsername('noor');
		await registerAs(page, username);
		await openPage(page, '/account');
		await page.getByLabel('Type your password to confirm').fill('wrong password');
		await page.getByRole('button', { name: 'Delete my account forever' }).click();
		await expect(page.getByRole('alert')).toHaveText('The password is not correct.');

		await page.getByLabel('Type your password to confirm').fill(PASSWORD);
		await page.getByRole('button', { name: 'Delete my account forever' }).click();
		await expect(page).toHaveURL(/\/\?deleted=1$/);
		await expect(page.getByRole('status')).toHaveText('We deleted your account.');
		await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();

		await openPage(page, '/login');
		await logIn(page, username);
		await expect(page.getByRole('alert')).toHaveText('The username or password is not correct.');
	});

	test('logout is POST only', async ({ request }) => {
		const response = await request.get('/logout', { maxRedirects: 0 });
		expect(response.status()).toBe(405);
	});

	test('security headers are sent', async ({ request }) => {
		const response = await request.get('/');
		const headers = response.headers();
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
		const csp = headers['content-security-policy'] ?? '';
		expect(csp).toContain("frame-ancestors 'none'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
	});

	test('a cross-site form post is refused', async ({ request }) => {
		const response = await request.post('/login', {
			form: { username: 'x', password: 'y' },
			headers: { origin: 'https://evil.example' }
		});
		expect(response.status()).toBe(403);
	});
});

test.describe('axe on account pages', () => {
	for (const path of ['/register', '/login']) {
		test(`${path} has no violations`, async ({ page }) => {
			await page.goto(path);
			const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
		});
	}

	test('the settings page has no violations', async ({ page }) => {
		await registerAs(page, uniqueUsername('axe'));
		await page.goto('/account');
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});

	test('the teacher page has no violations', async ({ page }) => {
		await registerAs(page, uniqueUsername('axeteach'), 'teacher');
		await page.goto('/teach');
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	});
});
