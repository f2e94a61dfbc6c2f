import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * Docker does not run on the machines that build KNM Hub, so the container files are checked
 * here with what there is: every file the Dockerfile copies exists and is not ignored, the image
 * runs as a non-root user with a health check on /healthz, and compose.yaml and the Caddyfile
 * agree on the service, its port and the proxy headers. (Not checked: that the image builds.)
 */

const dockerfile = readFileSync('Dockerfile', 'utf8');
const ignored = readFileSync('.dockerignore', 'utf8')
	.split('\n')
	.map((line) => line.trim())
	.filter((line) => line && !line.startsWith('#'));

describe('the container files', () => {
	it('the Dockerfile copies files that exist and are not ignored, runs as node, checks /healthz', () => {
		const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].map((match) => match[1]!.trim().split(/\s+/).slice(0, -1));
		expect(copies.length).toBeGreaterThan(3);
		for (const sources of copies) {
			for (const source of sources) {
				if (source === '.') continue;
				expect(existsSync(source), source).toBe(true);
				expect(ignored.some((pattern) => source === pattern || source.startsWith(`${pattern}/`)), `${source} is in .dockerignore`).toBe(false);
			}
		}
		expect(dockerfile).toMatch(/^FROM node:20-slim AS build$/m);
		expect(dockerfile).toMatch(/^USER node$/m);
		expect(dockerfile).toMatch(/^HEALTHCHECK .*\n\s+CMD .*\/healthz/m);
		expect(dockerfile).toMatch(/^CMD \["node", "scripts\/start.js"\]$/m);
		expect(dockerfile).toContain('DATABASE_URL=/data/knm-hub.db');
		const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
		expect(scripts.build).toBeDefined();
		expect(scripts.backup).toBe('node scripts/backup.js');
		// the build's own output and local databases never go into the build context
		for (const pattern of ['node_modules', 'build', 'data', '*.db']) expect(ignored).toContain(pattern);
	});

	it('compose.yaml runs the app behind the TLS proxy of deploy/Caddyfile, with the data on a volume', () => {
		const compose = parse(readFileSync('compose.yaml', 'utf8')) as {
			services: Record<string, { build?: string; environment?: Record<string, string>; volumes?: string[]; expose?: string[]; ports?: string[]; depends_on?: Record<string, { condition: string }> }>;
			volumes: Record<string, unknown>;
		};
		const app = compose.services.app!;
		expect(app.build).toBe('.');
		expect(app.environment!.ORIGIN).toMatch(/^https:\/\//);
		expect(app.environment!.ADDRESS_HEADER).toBe('x-forwarded-for');
		expect(app.volumes).toContain('knm-data:/data');
		expect(Object.keys(compose.volumes)).toContain('knm-data');
		const proxy = compose.services.proxy!;
		expect(proxy.ports).toEqual(['80:80', '443:443']);
		expect(proxy.depends_on!.app!.condition).toBe('service_healthy');
		const caddyfile = readFileSync('deploy/Caddyfile', 'utf8');
		const site = new URL(app.environment!.ORIGIN!).host;
		expect(caddyfile).toContain(`${site} {`);
		expect(caddyfile).toContain(`reverse_proxy app:${app.expose![0]}`);
		expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
	});
});
