import { getMetadataStorage } from 'class-validator';
import { AssertedIdentity, ChannelDefinition } from './channel-definition';
import { ChannelKind } from './channel-kind.enum';
import { settingsFormProblems } from './channel-settings-form.util';
import { DETECTABLE_ATTACHMENT_TYPES } from './webchat/webchat-attachment-type.util';

const IDENTITIES: readonly AssertedIdentity[] = ['phone', 'email', 'external-id'];
const ROUTE_PATH = /^[a-z0-9-]+(\/[a-z0-9-]+)*$|^$/;

function settingsFields(definition: ChannelDefinition): Set<string> {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(definition.settings, '', true, false);
  return new Set(metadata.map((entry) => entry.propertyName));
}

// Every definition says which files a reply may carry, null for none: a channel that was never asked would otherwise
// take an officer's file and drop it on the way.
function attachmentRuleProblemsOf(definition: ChannelDefinition): string[] {
  const rule = definition.attachments;
  if (rule === undefined) return ['does not state its attachment rule (null if it carries no files)'];
  if (rule === null) return [];
  const problems: string[] = [];
  // A missing factory is reported on its own; null is a channel that says it cannot send.
  if (definition.outbound === null) problems.push('allows attachments but cannot send');
  if (!Array.isArray(rule.contentTypes) || rule.contentTypes.length === 0) problems.push('allows attachments of no type');
  for (const type of rule.contentTypes ?? []) {
    if (!DETECTABLE_ATTACHMENT_TYPES.includes(type)) problems.push(`allows ${type}, which Wasl cannot tell by its first bytes`);
  }
  const positive = (value: unknown) => Number.isInteger(value) && (value as number) > 0;
  if (!positive(rule.maxCount) || !positive(rule.maxBytes) || !positive(rule.maxTotalBytes))
    problems.push('has an attachment rule without a positive count and sizes');
  else if (rule.maxTotalBytes < rule.maxBytes) problems.push('allows one file larger than all files together');
  if (!rule.note) problems.push('has an attachment rule that does not say where it comes from');
  return problems;
}

// What makes a definition whole; the gateway refuses to boot on any problem, and a unit test keeps the registry
// clean. A part that is missing here would otherwise be found by a beneficiary whose message went nowhere.
export function channelDefinitionProblems(registry: Record<string, readonly ChannelDefinition[]>): string[] {
  const problems: string[] = [];
  const prefixes = new Map<string, string>();
  for (const kind of Object.values(ChannelKind)) {
    const definitions = registry[kind] ?? [];
    if (definitions.length === 0) problems.push(`${kind}: no definition`);
    const providers = definitions.map((definition) => definition.provider);
    if (new Set(providers).size !== providers.length) problems.push(`${kind}: a provider is defined twice`);
    if (providers.includes(null) && definitions.length > 1) problems.push(`${kind}: a definition without provider must be the only one`);
  }
  for (const [kind, definitions] of Object.entries(registry)) {
    for (const definition of definitions) {
      const name = `${kind}/${definition.provider ?? '-'}`;
      const problem = (text: string) => problems.push(`${name}: ${text}`);
      if (definition.kind !== kind) problem(`is listed under ${kind} but is of kind ${definition.kind}`);
      if (!definition.title) problem('has no title');
      if (typeof definition.settings !== 'function') problem('has no settings class');
      const fields = typeof definition.settings === 'function' ? settingsFields(definition) : new Set<string>();
      for (const field of [...definition.secretFields, ...(definition.outboundUrlFields ?? [])]) {
        if (!fields.has(field)) problem(`names ${field}, which its settings class does not validate`);
      }
      if (typeof definition.settings === 'function') for (const text of settingsFormProblems(definition)) problem(text);
      if (definition.defaultApiBaseUrl && !fields.has('apiBaseUrl')) problem('has a default API base URL but no apiBaseUrl setting');
      for (const identity of definition.asserts) if (!IDENTITIES.includes(identity)) problem(`asserts an unknown identity ${identity}`);
      if (typeof definition.sendRules?.measure !== 'function' || typeof definition.sendRules?.check !== 'function')
        problem('has no send rules');
      for (const text of attachmentRuleProblemsOf(definition)) problem(text);
      if (definition.outreach?.mode === 'send' && !definition.outbound) problem('offers outreach but cannot send');
      if (definition.outbound !== null && typeof definition.outbound !== 'function')
        problem('has no outbound factory (null if it cannot send)');
      if (definition.webhooks) {
        const { prefix, routes } = definition.webhooks;
        if (!/^[a-z0-9-]+$/.test(prefix)) problem(`has a webhook prefix that is not a URL segment: ${prefix}`);
        // Definitions share a prefix only within one vendor (the inbox id picks the definition): never across kinds' vendors.
        const vendor = definition.provider ?? kind;
        const owner = prefixes.get(prefix);
        if (owner && owner !== vendor) problem(`reuses the webhook prefix ${prefix} of ${owner}`);
        prefixes.set(prefix, vendor);
        if (routes.length === 0) problem('has webhooks without routes');
        const seen = new Set<string>();
        for (const route of routes) {
          const key = `${route.method} ${route.path}`;
          if (seen.has(key)) problem(`has the route ${key} twice`);
          seen.add(key);
          if (!ROUTE_PATH.test(route.path)) problem(`has a route path that is not lower-case segments: ${route.path}`);
          if (!route.summary) problem(`${key} has no summary`);
          if (typeof route.verify !== 'function') problem(`${key} is not verified`);
          if (typeof route.handle !== 'function') problem(`${key} has no handler`);
          if (route.method === 'POST' && !route.openApi?.body) problem(`${key} does not document its body`);
          if (!route.openApi?.response) problem(`${key} does not document its answer`);
        }
      }
    }
  }
  return problems;
}
