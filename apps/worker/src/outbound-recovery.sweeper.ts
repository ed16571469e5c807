import { OutboundRecoveryService } from '@app/conversations';
import { Injectable } from '@nestjs/common';
import { RecoverySweeper } from './recovery.sweeper';

// Replies left `queued` with no job that can still send them.
@Injectable()
export class OutboundRecoverySweeper extends RecoverySweeper {
  constructor(recovery: OutboundRecoveryService) {
    super(recovery, 'stuck replies');
  }
}
