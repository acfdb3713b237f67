# One image for the API, the worker and the one-shot migration job (docker-compose.yml picks
# the command). TypeScript runs through tsx, as in development: there is no separate build.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    TURBO_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1
COPY . .
# Dev dependencies are needed at runtime (tsx, the Prisma generator and the schema engine).
RUN npm ci --include=dev && npm cache clean --force
USER node
EXPOSE 3000
# node --import tsx (not the tsx CLI, which runs the script in a child process) so signals
# reach the service itself.
CMD ["node", "--import", "tsx", "apps/api/src/main.ts"]
