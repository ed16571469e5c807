import { ApiException, FieldProblem, JsonObject, outboundUrlProblem, toFieldProblems } from '@app/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChannelDefinition } from './channel-definition';
import { ChannelKind } from './channel-kind.enum';
import { chosenChannelDefinition } from './channel.registry';

export interface PreparedChannelSettings {
  provider: string | null;
  // Returned by the API.
  settings: JsonObject;
  // Sealed with the inbox; never returned.
  secrets: Record<string, string>;
}

export interface OutboundUrlPolicy {
  // The deployment's OUTBOUND_ALLOW_PRIVATE_NETWORKS: only the sandbox and tests may name private addresses.
  allowPrivateNetworks: boolean;
}

// Validates a new inbox's settings against its channel's definition (400 naming `settings.<field>`), moves the
// definition's secret fields into the sealed secrets and fills the vendor's default API base URL.
export function prepareChannelSettings(
  channel: ChannelKind,
  provider: string | undefined,
  settings: JsonObject,
  policy: OutboundUrlPolicy,
): PreparedChannelSettings {
  const definition = chosenChannelDefinition(channel, provider);
  return { provider: definition.provider, ...validatedSettings(definition, settings, policy) };
}

function validatedSettings(definition: ChannelDefinition, input: JsonObject, policy: OutboundUrlPolicy) {
  const keepUnknown = definition.unknownSettings === 'keep';
  let instance: object;
  let problems: FieldProblem[];
  try {
    instance = plainToInstance(definition.settings, input);
    // forbidUnknownValues off: a provider with no settings at all (log) has a class without decorators.
    problems = toFieldProblems(validateSync(instance, { whitelist: true, forbidNonWhitelisted: !keepUnknown, forbidUnknownValues: false }));
  } catch {
    throw ApiException.validation([{ field: 'settings', message: 'has a shape that cannot be read' }]);
  }
  // Wasl calls these with the inbox's credentials; host names are checked again at every send.
  for (const field of definition.outboundUrlFields ?? []) {
    const value = (instance as Record<string, unknown>)[field];
    const urlProblem = typeof value === 'string' ? outboundUrlProblem(value, policy) : undefined;
    if (urlProblem && !problems.some((problem) => problem.field === field)) problems.push({ field, message: urlProblem });
  }
  if (problems.length === 0 && definition.checkSettings) problems.push(...definition.checkSettings(input));
  if (problems.length > 0) {
    throw ApiException.validation(problems.map((problem) => ({ ...problem, field: `settings.${problem.field}` })));
  }
  const clean = (keepUnknown ? structuredClone(input) : JSON.parse(JSON.stringify(instance))) as JsonObject;
  const secrets: Record<string, string> = {};
  for (const field of definition.secretFields) {
    if (typeof clean[field] === 'string') secrets[field] = clean[field] as string;
    delete clean[field];
  }
  if (definition.defaultApiBaseUrl && clean.apiBaseUrl === undefined) clean.apiBaseUrl = definition.defaultApiBaseUrl;
  if (typeof clean.apiBaseUrl === 'string') clean.apiBaseUrl = clean.apiBaseUrl.replace(/\/+$/, '');
  return { settings: clean, secrets };
}
