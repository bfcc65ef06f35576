# Liaison's two images, the API and the web app (Next.js standalone server), from one build.
# The web app's stages come after the API's image, so a builder without BuildKit, which builds every
# stage up to its target, builds `--target api` without building the web app.
# Build from the repository root:
#   docker build --target api -t liaison-api .
#   docker build --target web -t liaison-web .

FROM node:24-bookworm-slim AS base
ENV npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false \
    NEXT_TELEMETRY_DISABLED=1 \
    TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1
# The npm the lockfile was written with (root package.json "packageManager").
RUN npm install -g npm@11.19.1
WORKDIR /app

# Only the lockfile and every workspace's package.json, so dependency layers stay cached
# until one of them changes.
FROM base AS manifests
COPY . /src
RUN mkdir -p /manifests \
 && cd /src \
 && cp package-lock.json /manifests/ \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents '{}' /manifests/ ';'

# Every workspace's dependencies and the source: the stage both images build from.
FROM base AS source
COPY --from=manifests /manifests/ ./
RUN npm ci
COPY . .

FROM source AS api-build
RUN npx turbo run build --filter=@liaison/api... \
 && find apps packages -name node_modules -prune -exec rm -rf '{}' +

# Production dependencies of the API and the workspace packages it uses.
FROM base AS api-dependencies
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --workspace=@liaison/api

FROM node:24-bookworm-slim AS api
ENV NODE_ENV=production \
    API_PORT=4000
WORKDIR /app
# Built workspace packages (dist/, plus runtime files such as packages/db/migrations).
COPY --from=api-build /app/packages ./packages
COPY --from=api-build /app/apps/api ./apps/api
# Root node_modules (with the @liaison/* workspace links) and the manifests.
COPY --from=api-dependencies /app/ ./
USER node
EXPOSE 4000
# Applies pending database migrations, then serves on API_PORT.
CMD ["node", "apps/api/dist/main.js"]

FROM source AS web-build
# NEXT_OUTPUT=standalone makes next.config.ts emit .next/standalone: server.js plus exactly
# the node_modules it needs. --env-mode=loose lets the variable through turbo to next build.
RUN NEXT_OUTPUT=standalone npx turbo run build --filter=@liaison/web... --env-mode=loose

FROM node:24-bookworm-slim AS web
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    LIAISON_API_URL=http://127.0.0.1:4000
WORKDIR /app
COPY --from=web-build /app/apps/web/.next/standalone ./
COPY --from=web-build /app/apps/web/.next/static ./apps/web/.next/static
RUN mkdir -p apps/web/.next/cache && chown node:node apps/web/.next/cache
USER node
EXPOSE 3000
CMD ["node", "apps/web/server.js"]
