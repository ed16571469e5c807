import type { FastifyRequest } from 'fastify';

// The route a metric names a request by. One catch-all serves every webhook, so its pipeline names the channel
// definition's route it matched (`/webhooks/api/:inboxId/messages`); any other request is named by its Fastify
// pattern. Never the URL itself: ids and text are not labels.
const matchedRoutes = new WeakMap<FastifyRequest, string>();

export function labelRequestRoute(request: FastifyRequest, route: string): void {
  matchedRoutes.set(request, route);
}

export function routeLabelOf(request: FastifyRequest): string {
  return matchedRoutes.get(request) ?? request.routeOptions.url ?? 'unmatched';
}
