import { AuditModule } from '@app/audit';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenService } from './auth/access-token.service';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { Organisation } from './entities/organisation.entity';
import { RevokedStaffToken } from './entities/revoked-staff-token.entity';
import { Team, TeamMember } from './entities/team.entity';
import { User } from './entities/user.entity';
import { OrganisationsService } from './organisations/organisations.service';
import { TeamsService } from './teams/teams.service';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organisation, User, Team, TeamMember, RevokedStaffToken]), AuditModule],
  providers: [AccessTokenService, AuthService, LoginThrottleService, AuthGuard, UsersService, TeamsService, OrganisationsService],
  exports: [AccessTokenService, AuthService, AuthGuard, UsersService, TeamsService, OrganisationsService],
})
export class IdentityModule {}
