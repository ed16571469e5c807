import { InboundRecoveryService } from '@app/conversations';
import { Injectable } from '@nestjs/common';
import { RecoverySweeper } from './recovery.sweeper';

// Accepted events never applied (Redis was down at the time, or every worker died before committing).
@Injectable()
export class InboundRecoverySweeper extends RecoverySweeper {
  constructor(recovery: InboundRecoveryService) {
    super(recovery, 'accepted inbound events');
  }
}
