import { ApiErrorCode, ApiException } from '@app/common';
import { Public } from '@app/identity';
import { ReadinessPart, ReadinessService } from '@app/observability';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

const REASON_OF: Record<ReadinessPart, string> = {
  database: 'database unreachable',
  redis: 'redis unreachable',
  migrations: 'migrations not applied',
};

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  // Liveness: the process answers. Orchestrators restart it when this fails.
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  // Readiness: the database and Redis answer and the schema is migrated; load balancers stop sending traffic
  // otherwise (503 with Retry-After).
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'ok'; redis: 'ok' }> {
    const readiness = await this.readiness.check();
    if (!readiness.ready) {
      throw new ApiException(ApiErrorCode.Unavailable, `Not ready: ${readiness.down.map((part) => REASON_OF[part]).join(' and ')}`);
    }
    return { status: 'ok', database: 'ok', redis: 'ok' };
  }
}
