import type { Question, Source } from './types';

/**
 * Domains whose pages may back a question (`source_url`). Public bodies only: a question must be
 * checked against the page of the organisation that sets or carries out the rule.
 */
export const OFFICIAL_DOMAINS: readonly string[] = [
	'rijksoverheid.nl',
	'government.nl',
	'inburgeren.nl',
	'duo.nl',
	'ind.nl',
	'belastingdienst.nl',
	'uwv.nl',
	'svb.nl',
	'politie.nl',
	'thuisarts.nl',
	'gpinfo.nl', // thuisarts.nl's publisher (NHG) in English
	'nhg.org', // the Dutch college of GPs, publisher of thuisarts.nl
	'wetten.overheid.nl',
	'overheid.nl',
	'officielebekendmakingen.nl',
	'kvk.nl',
	'huurcommissie.nl',
	'juridischloket.nl',
	'nationaleombudsman.nl',
	'rechtspraak.nl',
	'tweedekamer.nl',
	'eerstekamer.nl',
	'koninklijkhuis.nl',
	'4en5mei.nl',
	'canonvannederland.nl',
	'digid.nl',
	'veiligthuis.nl',
	'donorregister.nl',
	'rivm.nl',
	'rijksvaccinatieprogramma.nl', // RIVM's site on the national vaccination programme
	'cbs.nl',
	'kiesraad.nl',
	'mensenrechten.nl',
	'staatsexamensnt2.nl',
	'denederlandsegrondwet.nl',
	'rvo.nl',
	'autoriteitpersoonsgegevens.nl',
	'milieucentraal.nl',
	'nibud.nl',
	'ggd.nl',
	'ggdghor.nl', // GGD GHOR Nederland, the association of the municipal health services
	'loketgezondleven.nl',
	'nationaalarchief.nl',
	'zorginstituutnederland.nl',
	'cbr.nl',
	'acm.nl',
	'consuwijzer.nl',
	'rvs.nl',
	'nederlandwereldwijd.nl',
	'europa.eu',
	'onderwijsinspectie.nl',
	'nvwa.nl',
	'waterschappen.nl',
	'annefrank.org',
	'nuffic.nl',
	'idw.nl',
	's-bb.nl',
	'vng.nl',
	'divosa.nl',
	// Other public bodies and government platforms
	'ondernemersplein.nl', // KVK and the government's business portal
	'wijzeringeldzaken.nl', // Ministry of Finance platform
	'rechtsbijstand.nl', // Raad voor Rechtsbijstand
	'nlarbeidsinspectie.nl', // Labour Inspectorate
	'arboportaal.nl', // Ministry of Social Affairs
	'werk.nl', // UWV
	'volkshuisvestingnederland.nl', // Ministry of the Interior, housing
	'rijkswaterstaat.nl',
	'rdw.nl',
	'justis.nl',
	'fiod.nl',
	'logius.nl',
	'lerenenwerken.nl', // programme of the ministries of OCW and SZW with UWV
	'zuiderzeeland.nl', // water board
	'immaterieelerfgoed.nl', // national centre for intangible heritage, commissioned by OCW
	'portofrotterdam.com', // port authority owned by the municipality and the state
	// Provinces (provincies) and their association (IPO)
	'noord-holland.nl',
	'zuid-holland.nl',
	'zeeland.nl',
	'brabant.nl',
	'limburg.nl',
	'gelderland.nl',
	'overijssel.nl',
	'drenthe.nl',
	'fryslan.frl',
	'provinciegroningen.nl',
	'provincie-utrecht.nl',
	'flevoland.nl',
	'ipo.nl',
	// Municipalities (gemeenten) whose own pages back a question
	'achtkarspelen.nl',
	'denhaag.nl',
	'enschede.nl',
	'gemeentebeek.nl',
	'gorinchem.nl',
	'heerde.nl',
	'leiden.nl',
	'losser.nl',
	'maassluis.nl',
	'medemblik.nl',
	'raalte.nl',
	'renswoude.nl',
	'schouwen-duiveland.nl',
	'sonenbreugel.nl',
	'vlissingen.nl',
	'winterswijk.nl',
	'schiedam.nl',
	'heemstede.nl',
	'marum.nl',
	'bergen-nh.nl',
	'debilt.nl',
	'zoetermeer.nl',
	'diemen.nl'
];

/** True when the URL is https and its host is one of the official domains or a subdomain of one. */
export function isOfficialUrl(value: string): boolean {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return false;
	}
	if (url.protocol !== 'https:') return false;
	return isOnDomain(url.hostname.toLowerCase(), OFFICIAL_DOMAINS);
}

/** The URL's host name in lower case without "www.", or null when it is not a URL. */
export function hostOf(value: string): string | null {
	if (!URL.canParse(value)) return null;
	return new URL(value).hostname.toLowerCase().replace(/^www\./, '');
}

/** True when the host is one of the domains or a subdomain of one. */
export function isOnDomain(host: string, domains: readonly string[]): boolean {
	return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/**
 * The question's source_url must be on a site of one of the sources it names (sources.yaml lists
 * each source's domains), so the source tag a learner sees is the organisation that states the fact.
 */
export function findSourceSiteProblem(question: Pick<Question, 'sourceUrl' | 'sources'>, sourcesBySlug: Map<string, Pick<Source, 'domains'>>): string | null {
	const host = hostOf(question.sourceUrl);
	if (host === null) return null;
	const domains = question.sources.flatMap((slug) => sourcesBySlug.get(slug)?.domains ?? []);
	if (isOnDomain(host, domains)) return null;
	const named = question.sources.length > 0 ? question.sources.join(', ') : 'no source';
	return `source_url is on ${host}, which is not a site of ${named}; name the source that publishes it (sources.yaml lists each source's domains)`;
}
