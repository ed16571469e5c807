import { CreateInboxCore1795304669515 } from './1795304669515-CreateInboxCore';
import { AddSmsAndVoice1795305252027 } from './1795305252027-AddSmsAndVoice';
import { AddArabicSearch1795314137971 } from './1795314137971-AddArabicSearch';
import { WidenCounters1795314738200 } from './1795314738200-WidenCounters';
import { AddMessageSearchText1795316694201 } from './1795316694201-AddMessageSearchText';
import { EndStaffSessions1795686691141 } from './1795686691141-EndStaffSessions';
import { AddContactVerification1795686861124 } from './1795686861124-AddContactVerification';
import { AddInboxAccess1795688138079 } from './1795688138079-AddInboxAccess';
import { AddRetentionPolicies1795688263320 } from './1795688263320-AddRetentionPolicies';
import { AddAuditLogFilterIndexes1795688996550 } from './1795688996550-AddAuditLogFilterIndexes';
import { StripAttachmentSignatures1795689432583 } from './1795689432583-StripAttachmentSignatures';
import { AddMessageSendStartedAt1795700000000 } from './1795700000000-AddMessageSendStartedAt';
import { AddConversationReadsAndUserLocale1796228486978 } from './1796228486978-AddConversationReadsAndUserLocale';
import { AddRevokedStaffTokens1796228964940 } from './1796228964940-AddRevokedStaffTokens';
import { UnifyWorkingHours1796229237654 } from './1796229237654-UnifyWorkingHours';
import { AddKnowledgeBase1796229520353 } from './1796229520353-AddKnowledgeBase';
import { AddSupportRequests1796230958337 } from './1796230958337-AddSupportRequests';
import { AddOrganisationDisplaySettings1796231881071 } from './1796231881071-AddOrganisationDisplaySettings';
import { AddChannelTemplates1796233051712 } from './1796233051712-AddChannelTemplates';
import { AddChannelSessions1796234945451 } from './1796234945451-AddChannelSessions';
import { AddAttachmentUploads1796235604275 } from './1796235604275-AddAttachmentUploads';
import { AddContactPictures1796295635636 } from './1796295635636-AddContactPictures';
import { AddRequestKinds1796297000206 } from './1796297000206-AddRequestKinds';

// In order of application. Never edit a migration once it has landed; add a new one.
export const POSTGRES_MIGRATIONS: Function[] = [
  CreateInboxCore1795304669515,
  AddSmsAndVoice1795305252027,
  AddArabicSearch1795314137971,
  WidenCounters1795314738200,
  AddMessageSearchText1795316694201,
  EndStaffSessions1795686691141,
  AddContactVerification1795686861124,
  AddInboxAccess1795688138079,
  AddRetentionPolicies1795688263320,
  AddAuditLogFilterIndexes1795688996550,
  StripAttachmentSignatures1795689432583,
  AddMessageSendStartedAt1795700000000,
  AddConversationReadsAndUserLocale1796228486978,
  AddRevokedStaffTokens1796228964940,
  UnifyWorkingHours1796229237654,
  AddKnowledgeBase1796229520353,
  AddSupportRequests1796230958337,
  AddOrganisationDisplaySettings1796231881071,
  AddChannelTemplates1796233051712,
  AddChannelSessions1796234945451,
  AddAttachmentUploads1796235604275,
  AddContactPictures1796295635636,
  AddRequestKinds1796297000206,
];
