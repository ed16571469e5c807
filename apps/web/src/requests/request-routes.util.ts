// /requests, /requests/<id> and /requests/types: the requests pages' own paths, read from the address bar.
export type RequestsRoute = { page: 'list'; view: string | null; q: string } | { page: 'request'; id: string } | { page: 'types' };

export function requestsRouteOf(pathname: string, search: string): RequestsRoute {
  if (pathname === '/requests/types') return { page: 'types' };
  const id = /^\/requests\/([0-9a-f-]{36})$/i.exec(pathname)?.[1];
  if (id) return { page: 'request', id };
  const parameters = new URLSearchParams(search);
  return { page: 'list', view: parameters.get('view'), q: parameters.get('q') ?? '' };
}

export function listPath(view: string | null, q = ''): string {
  const parameters = new URLSearchParams();
  if (view) parameters.set('view', view);
  if (q.trim()) parameters.set('q', q.trim());
  const query = parameters.toString();
  return query ? `/requests?${query}` : '/requests';
}

// Which queues each role works, first the one it opens on.
export function viewsFor(role: string): string[] {
  switch (role) {
    case 'officer':
      return ['mine', 'intake', 'all'];
    case 'researcher':
      return ['mine'];
    case 'committee':
      return ['mine', 'committee', 'all'];
    default:
      return ['all', 'intake', 'research', 'committee', 'deadlines'];
  }
}

// The checklist's and the API's paths (values.household.1.name, documents.lease) as the page's element ids.
export function fieldElementId(path: string): string {
  return `request-${path.replaceAll('.', '-')}`;
}
