import { ApiErrorCode, ApiException } from '@app/common';
import { Public } from '@app/identity';
import { InjectRedis } from '@app/queue';
import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';

async function within<T>(milliseconds: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), milliseconds);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  // Liveness: the process answers. Orchestrators restart it when this fails.
  @Get()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  // Readiness: the database and Redis both answer; load balancers stop sending traffic when they do not.
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'ok'; redis: 'ok' }> {
    const [database, redis] = await Promise.allSettled([within(2000, this.dataSource.query('SELECT 1')), within(2000, this.redis.ping())]);
    if (database.status === 'rejected' || redis.status === 'rejected') {
      const down = [database.status === 'rejected' ? 'database' : '', redis.status === 'rejected' ? 'redis' : ''].filter(Boolean);
      throw new ApiException(ApiErrorCode.Unavailable, `Not ready: ${down.join(' and ')} unreachable`);
    }
    return { status: 'ok', database: 'ok', redis: 'ok' };
  }
}
