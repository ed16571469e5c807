import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import type { components } from '../api/schema';

// The channels the gateway speaks, each with its settings form (GET /api/v1/channel-definitions). The app has no
// per-provider code: a provider added to the registry appears here with its fields and labels.
export type ChannelDefinition = components['schemas']['ChannelDefinitionResponse'];
export type SettingsFormField = components['schemas']['SettingsFormFieldResponse'];
export type LocalisedText = components['schemas']['LocalisedTextResponse'];

export function useChannelDefinitions() {
  // Fixed for the life of the gateway process.
  return useQuery({
    queryKey: ['channel-definitions'],
    queryFn: () => unwrap(api.GET('/api/v1/channel-definitions')),
    staleTime: Infinity,
  });
}

export function definitionOf(
  definitions: readonly ChannelDefinition[] | undefined,
  kind: string,
  provider: string | null | undefined,
): ChannelDefinition | undefined {
  return definitions?.find((definition) => definition.kind === kind && definition.provider === (provider ?? null));
}

export function localised(text: LocalisedText, language: string): string {
  return language === 'ar' ? text.ar : text.en;
}
