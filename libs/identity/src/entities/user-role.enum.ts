// Roles named after the policy's people: موظف علاقات المستفيدين، مسؤول البحث الاجتماعي، لجنة البحث، المشرف، مدير النظام.
export enum UserRole {
  Officer = 'officer',
  Researcher = 'researcher',
  Committee = 'committee',
  Supervisor = 'supervisor',
  Admin = 'admin',
}

export const ALL_ROLES = Object.values(UserRole);
// Who works conversations in the shared inbox.
export const INBOX_ROLES = [UserRole.Officer, UserRole.Researcher, UserRole.Supervisor, UserRole.Admin];
