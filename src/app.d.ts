// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** null when signed out; set by the auth hook on every request */
			user: SessionUser | null;
			session: Session | null;
			/** the time of this request; every load and action uses it (tests can shift it) */
			now: Date;
			/** this request's id in the log and the X-Request-Id header */
			requestId: string;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
