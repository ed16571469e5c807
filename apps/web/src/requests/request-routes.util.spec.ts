import { fieldElementId, listPath, requestsRouteOf, viewsFor } from './request-routes.util';

describe(requestsRouteOf.name, () => {
  it('should read the list, a request and the types page from the address bar', () => {
    expect(requestsRouteOf('/requests', '?view=intake&q=12')).toEqual({ page: 'list', view: 'intake', q: '12' });
    expect(requestsRouteOf('/requests/6f1c2d3e-0000-4000-8000-000000000001', '')).toEqual({
      page: 'request',
      id: '6f1c2d3e-0000-4000-8000-000000000001',
    });
    expect(requestsRouteOf('/requests/types', '')).toEqual({ page: 'types' });
    expect(listPath('committee', ' سارة ')).toBe('/requests?view=committee&q=%D8%B3%D8%A7%D8%B1%D8%A9');
    expect(listPath(null)).toBe('/requests');
  });

  it('should open each role on its own queue', () => {
    expect(viewsFor('researcher')).toEqual(['mine']);
    expect(viewsFor('supervisor')[0]).toBe('all');
    expect(viewsFor('supervisor')).toContain('deadlines');
    expect(fieldElementId('values.household.1.name')).toBe('request-values-household-1-name');
  });
});
