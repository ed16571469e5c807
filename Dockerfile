# One image, two commands: the gateway (HTTP, webhooks, WebSockets, migrations) and the worker (queues).
FROM node:20-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/config ./config
COPY --from=build /app/package.json ./package.json
# The disk attachment store writes here (a volume in docker-compose.yml); the node user must own it.
RUN mkdir -p /app/var/attachments && chown -R node:node /app/var
ENV LOG_FORMAT=json
USER node
EXPOSE 3000
CMD ["node", "dist/apps/gateway/src/main.js"]
