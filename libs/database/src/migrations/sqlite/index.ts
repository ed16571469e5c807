import { CreateInboxCore1795304670984 } from './1795304670984-CreateInboxCore';
import { AddSmsAndVoice1795305253690 } from './1795305253690-AddSmsAndVoice';
import { AddMessageSearchText1795316695562 } from './1795316695562-AddMessageSearchText';
import { EndStaffSessions1795686697173 } from './1795686697173-EndStaffSessions';
import { AddContactVerification1795686863057 } from './1795686863057-AddContactVerification';
import { AddInboxAccess1795688140897 } from './1795688140897-AddInboxAccess';
import { AddRetentionPolicies1795688268549 } from './1795688268549-AddRetentionPolicies';
import { AddAuditLogFilterIndexes1795688996550 } from './1795688996550-AddAuditLogFilterIndexes';
import { StripAttachmentSignatures1795689432583 } from './1795689432583-StripAttachmentSignatures';
import { AddMessageSendStartedAt1795700000000 } from './1795700000000-AddMessageSendStartedAt';
import { AddConversationReadsAndUserLocale1796228488963 } from './1796228488963-AddConversationReadsAndUserLocale';
import { AddRevokedStaffTokens1796228966216 } from './1796228966216-AddRevokedStaffTokens';
import { UnifyWorkingHours1796229237654 } from './1796229237654-UnifyWorkingHours';
import { AddKnowledgeBase1796229521450 } from './1796229521450-AddKnowledgeBase';
import { AddSupportRequests1796230959655 } from './1796230959655-AddSupportRequests';
import { AddOrganisationDisplaySettings1796231883402 } from './1796231883402-AddOrganisationDisplaySettings';
import { AddChannelTemplates1796233054770 } from './1796233054770-AddChannelTemplates';
import { AddChannelSessions1796234948607 } from './1796234948607-AddChannelSessions';
import { AddAttachmentUploads1796235606217 } from './1796235606217-AddAttachmentUploads';
import { AddContactPictures1796295635637 } from './1796295635637-AddContactPictures';
import { AddRequestKinds1796297008898 } from './1796297008898-AddRequestKinds';

// In order of application. Never edit a migration once it has landed; add a new one.
export const SQLITE_MIGRATIONS: Function[] = [
  CreateInboxCore1795304670984,
  AddSmsAndVoice1795305253690,
  AddMessageSearchText1795316695562,
  EndStaffSessions1795686697173,
  AddContactVerification1795686863057,
  AddInboxAccess1795688140897,
  AddRetentionPolicies1795688268549,
  AddAuditLogFilterIndexes1795688996550,
  StripAttachmentSignatures1795689432583,
  AddMessageSendStartedAt1795700000000,
  AddConversationReadsAndUserLocale1796228488963,
  AddRevokedStaffTokens1796228966216,
  UnifyWorkingHours1796229237654,
  AddKnowledgeBase1796229521450,
  AddSupportRequests1796230959655,
  AddOrganisationDisplaySettings1796231883402,
  AddChannelTemplates1796233054770,
  AddChannelSessions1796234948607,
  AddAttachmentUploads1796235606217,
  AddContactPictures1796295635637,
  AddRequestKinds1796297008898,
];
