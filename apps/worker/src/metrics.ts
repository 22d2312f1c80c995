import { Injectable } from '@nestjs/common';
import { createRegistry } from '@guichet/platform';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

@Injectable()
export class WorkerMetrics {
  readonly registry: Registry = createRegistry('worker');
  readonly jobs = new Counter({
    name: 'email_jobs_total',
    help: 'Email jobs by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly sendDuration = new Histogram({
    name: 'email_send_duration_seconds',
    help: 'SMTP send duration',
    labelNames: ['result'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly queue = new Gauge({
    name: 'email_queue_jobs',
    help: 'Email jobs in the queue by state',
    labelNames: ['state'],
    registers: [this.registry],
  });
  readonly reenqueued = new Counter({
    name: 'email_outbox_reenqueued_total',
    help: 'Outbox rows re-enqueued by the reconciler',
    registers: [this.registry],
  });
  readonly scheduledRuns = new Counter({
    name: 'scheduled_runs_total',
    help: 'Runs of scheduled work (one process of all holds its lease at a time)',
    labelNames: ['task'],
    registers: [this.registry],
  });
  readonly leaseHeld = new Gauge({
    name: 'scheduled_lease_held',
    help: '1 while this process holds the lease of a scheduled task',
    labelNames: ['task'],
    registers: [this.registry],
  });
}
