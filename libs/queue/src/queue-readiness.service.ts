import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { QueueName } from './queue-name.enum';

// Boot waits until every queue's Redis connection is ready: a gateway that cannot queue should not take
// traffic, and a process closed right after boot must not leave half-opened connections behind.
@Injectable()
export class QueueReadiness implements OnApplicationBootstrap {
  constructor(private readonly moduleRef: ModuleRef) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(
      Object.values(QueueName).map((name) => this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }).waitUntilReady()),
    );
  }
}
