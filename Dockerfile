# The port-emulator image: a build stage compiles the TypeScript, the runtime stage holds only what `npm start` needs.
# `npm run test:release` replays this file's runtime stage without Docker; keep its RUN lines to npm commands.

FROM node:24-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts stay off until the sources are in: `prepare` would compile an empty tree.
# npm's cache lives in a BuildKit cache mount: reused across builds, never part of a layer.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:24-alpine
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=7678
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` needs the compiler, which is a dev dependency; the compiled output comes from the build stage.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts
COPY --from=build /app/dist ./dist
# The official image's unprivileged user; the app's files stay root-owned and read-only to it.
USER node
EXPOSE 7678
# No curl or wget in the image: the emulator's own `health` subcommand asks /_emulator/health on $PORT.
HEALTHCHECK --interval=2s --timeout=3s --start-period=10s --retries=3 CMD ["node", "dist/server.js", "health"]
# Exec form, node as PID 1: `docker stop` delivers SIGTERM to the emulator itself, which shuts down gracefully.
ENTRYPOINT ["node", "dist/server.js"]
