# KNM Hub in a container: Node 20 slim, a non-root user, the SQLite database on a volume, and a
# health check on /healthz. Build: docker build -t knm-hub .  Run: see compose.yaml and
# docs/operations.md.

# 1. Build: all dependencies (better-sqlite3 compiles if no prebuilt binary fits), the app, then
#    only the production dependencies are kept.
FROM node:20-slim AS build
WORKDIR /app
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# 2. Run: the build, the production dependencies, the migrations and the content (read at start).
FROM node:20-slim
ENV NODE_ENV=production \
	PORT=3000 \
	DATABASE_URL=/data/knm-hub.db \
	SHUTDOWN_TIMEOUT=10
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY package.json ./
COPY scripts/start.js scripts/backup.js ./scripts/
COPY migrations ./migrations
COPY content ./content
COPY questions ./questions
RUN mkdir -p /data /backups && chown node:node /data /backups
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
	CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node directly, not through npm: SIGTERM reaches the server, which drains (scripts/start.js).
CMD ["node", "scripts/start.js"]
