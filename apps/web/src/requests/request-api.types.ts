import type { components } from '../api/schema';

// The support-request shapes of the generated API client, named for the pages.
export type SupportRequest = components['schemas']['SupportRequestResponse'];
export type SupportRequestSummary = components['schemas']['SupportRequestSummaryResponse'];
export type RequestType = components['schemas']['RequestTypeResponse'];
export type RequestSettings = components['schemas']['RequestSettingsResponse'];
export type RequestEvent = components['schemas']['RequestEventResponse'];
export type RequestStaffMember = components['schemas']['RequestStaffResponse'];
export type FieldDefinition = components['schemas']['FieldDefinitionDto'];
export type SubFieldDefinition = components['schemas']['SubFieldDefinitionDto'];
export type DocumentDefinition = components['schemas']['DocumentDefinitionDto'];
export type ChecklistItem = components['schemas']['ChecklistItemResponse'];
export type RequestState = components['schemas']['RequestState'];
export type RequestAction = components['schemas']['RequestAction'];
export type SaveRequestType = components['schemas']['SaveRequestTypeDto'];
export type HouseholdRow = Record<string, string>;
export type RequestValues = Record<string, string | HouseholdRow[]>;
