import { getLocale } from '../paraglide/runtime';
import type { Locale } from './hub';

/** The locale of the current request, as resolved by the Paraglide middleware (cookie first). */
export function currentLocale(): Locale {
	return getLocale() === 'nl' ? 'nl' : 'en';
}
