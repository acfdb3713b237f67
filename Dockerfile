# syntax=docker/dockerfile:1
# Three stages: `manifests` (the package.json files alone, so `npm ci` layers are reused until a
# dependency changes), `build` (every dependency, Prisma client generated offline, `tsc -b` into
# each workspace's dist/; also the image of the one-shot migration job, see docker-compose.yml)
# and the final runtime image: production dependencies and compiled JavaScript only, run by
# plain `node` as the unprivileged `node` user.

# Node.js 22 (LTS): Node 20 reached end of life in April 2026 (README, "Node.js versions").
FROM node:22-bookworm-slim AS manifests
WORKDIR /src
COPY . .
# Only package.json/package-lock.json survive, at their paths: the next stages' `COPY --from`
# of this tree stays cached (same content) when only source files change.
RUN mkdir /manifests && find . -name node_modules -prune -o \( -name package.json -o -name package-lock.json \) -print \
    | xargs -I{} cp --parents {} /manifests

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV CHECKPOINT_DISABLE=1 \
    PRISMA_HIDE_UPDATE_MESSAGE=1 \
    TURBO_TELEMETRY_DISABLED=1
COPY --from=manifests /manifests/ ./
# --ignore-scripts: postinstall would generate the Prisma client before the schema is here; it
# runs below. No dependency needs an install script (native parts ship as prebuilt packages).
RUN npm ci --ignore-scripts
COPY . .
# Typechecks while it compiles: a type error fails the image build.
RUN npm run db:generate && npm run build
# Everything the runtime stage takes from this one, in one tree: each workspace's dist/ and the
# API's static files.
RUN mkdir /out && for ws in apps/* packages/*; do mkdir -p "/out/$ws" && cp -r "$ws/dist" "/out/$ws/dist"; done \
    && cp -r apps/api/public /out/apps/api/public \
    && find /out -name '*.tsbuildinfo' -delete

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    CHECKPOINT_DISABLE=1
COPY --from=manifests /manifests/ ./
# --omit=optional too: the Prisma CLI (with Studio and TypeScript, ~250 MB) is an optional peer
# of @prisma/client, installed unless optional packages are left out. What this leaves out
# otherwise: platform binaries for tools (esbuild, fsevents) and msgpackr's native speed-up
# (BullMQ falls back to its JavaScript).
RUN npm ci --omit=dev --omit=optional --ignore-scripts && npm cache clean --force
COPY --from=build /out/ ./
# Read at run time: migrations (the API's /readyz compares them with the database) and the
# MJML email templates.
COPY prisma ./prisma
COPY templates ./templates
USER node
EXPOSE 3000
# The API's readiness (database, Redis, migrations). The worker serves no HTTP API: compose gives
# it a check of its own (its /metrics on the loopback).
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=6 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "apps/api/dist/main.js"]
