// Only a flat object of fields is a provider's body; parsers type-check each field they read.
export function webhookFields(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
