# One image for every Vitrine service; SERVICE picks the entry point
# (services/catalog, services/orders, gateway ...); ENTRY overrides it where
# the server is not SERVICE/dist/main.js (the storefront: apps/web/dist/node/main.js).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npx turbo run build --filter='!@vitrine/bench' && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production
# The servers' Node flags (packages/local-infra/src/server-runtime.ts says why; its spec checks this line).
ENV NODE_OPTIONS="--max-old-space-size=1024"
WORKDIR /app
COPY --from=build /app /app
ARG SERVICE=gateway
ARG ENTRY=${SERVICE}/dist/main.js
ENV SERVICE=${SERVICE} ENTRY=${ENTRY}
USER node
CMD ["sh", "-c", "exec node ${ENTRY}"]
