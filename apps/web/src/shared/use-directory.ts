import { useQuery } from '@tanstack/react-query';
import { api, StaffDirectory, unwrap } from '../api/api-client';

// Names of staff, teams and the inboxes the user may see: for pickers, filters and who did what in a timeline.
export function useDirectory(): StaffDirectory | undefined {
  return useQuery({
    queryKey: ['directory'],
    queryFn: () => unwrap(api.GET('/api/v1/staff-directory')),
    staleTime: 5 * 60_000,
  }).data;
}

export function nameOf(directory: StaffDirectory | undefined, userId: string | null | undefined): string | undefined {
  return userId ? directory?.users.find((user) => user.id === userId)?.name : undefined;
}

export function teamNameOf(directory: StaffDirectory | undefined, teamId: string | null | undefined): string | undefined {
  return teamId ? directory?.teams.find((team) => team.id === teamId)?.name : undefined;
}
