// The Kubernetes manifests (infra/k8s): rendered like kustomize would (base, then the
// production overlay), every resource validated against the Kubernetes OpenAPI schemas
// (kubernetes-models, from npm), and the wiring checked: probes on the right ports, the
// drain within the grace period, the migrations Job before the rollout, resources from the
// measured memory, images that the Dockerfile builds.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { type Dict, key, podSpecs, render, type Resource } from './kustomize.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const k8s = join(repo, 'infra/k8s');

/**
 * RSS measured on the development machine (README "Scaling out", `node bench/tenants.mjs`):
 * API 167 MiB at rest, 241 MiB (peak 267) after the 1,000-tenant loads, and a peak of 463 MiB
 * in the single sign-on bench (1,000 tenants' issuers, README "Benchmarks"); worker 151 MiB at
 * rest, 169–180 MiB after 1,000 emails at concurrency 40.
 */
const MEASURED_MIB = { api: { rest: 167, peak: 463 }, worker: { rest: 151, peak: 180 } };

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

function validate(resource: Resource): void {
  const Model = MODELS[`${resource.apiVersion}/${resource.kind}`];
  if (!Model) throw new Error(`${key(resource)}: no schema for ${resource.apiVersion}`);
  try {
    new Model(resource as never).validate();
  } catch (error) {
    throw new Error(`${key(resource)}: ${(error as Error).message}`, { cause: error });
  }
}

const mib = (quantity: string) => {
  const m = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!m) throw new Error(`memory quantity ${quantity}`);
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
};

for (const [name, dir] of [
  ['base', join(k8s, 'base')],
  ['production overlay', join(k8s, 'overlays/production')],
] as const) {
  describe(`Kubernetes manifests: ${name}`, () => {
    const resources = render(dir);
    const find = (kind: string, n: string) => {
      const r = resources.find((x) => x.kind === kind && x.metadata.name === n);
      if (!r) throw new Error(`${kind}/${n} missing`);
      return r;
    };
    const config = find('ConfigMap', 'guichet-config').data as Record<string, string>;
    const container = (deployment: string) =>
      (podSpecs(find('Deployment', deployment))[0]!.containers as Dict[])[0]! as Dict & {
        ports: { name: string; containerPort: number }[];
        resources: { requests: { memory: string }; limits: { memory: string } };
        envFrom: Dict[];
        image: string;
      };

    it('has every resource the deployment needs, each valid against the Kubernetes schemas', () => {
      expect(resources.map(key).sort()).toEqual(
        [
          'ConfigMap/guichet-config',
          'Deployment/guichet-api',
          'Deployment/guichet-worker',
          'HorizontalPodAutoscaler/guichet-api',
          'Job/guichet-migrate',
          'PodDisruptionBudget/guichet-api',
          'Secret/guichet-secrets',
          'Service/guichet-api',
        ].sort(),
      );
      for (const resource of resources) validate(resource);
    });

    it('probes the main port, exposes metrics on the management port (open in the pod)', () => {
      for (const [deployment, port, management] of [
        ['guichet-api', config.PORT, config.MANAGEMENT_PORT],
        ['guichet-worker', config.WORKER_HEALTH_PORT, config.WORKER_MANAGEMENT_PORT],
      ] as const) {
        const c = container(deployment);
        const portOf = (nameOrNumber: unknown) =>
          typeof nameOrNumber === 'number'
            ? nameOrNumber
            : c.ports.find((p) => p.name === nameOrNumber)?.containerPort;
        for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
          const get = (c[probe] as { httpGet: { path: string; port: unknown } }).httpGet;
          expect(portOf(get.port)).toBe(Number(port));
          expect(get.path).toBe(probe === 'readinessProbe' ? '/health/ready' : '/health/live');
        }
        expect(portOf('management')).toBe(Number(management));
        const annotations = (find('Deployment', deployment).spec as Dict).template as {
          metadata: { annotations: Record<string, string> };
        };
        expect(annotations.metadata.annotations['prometheus.io/port']).toBe(management);
        for (const ref of c.envFrom)
          if ('configMapRef' in ref) find('ConfigMap', (ref.configMapRef as Dict).name as string);
          else find('Secret', (ref.secretRef as Dict).name as string);
      }
      expect(config.MANAGEMENT_HOST).toBe('0.0.0.0');
    });

    it('gives the drain its time: grace period of the pods > SHUTDOWN_GRACE_SECONDS + requests in flight', () => {
      const grace = Number(config.SHUTDOWN_GRACE_SECONDS);
      expect(grace).toBeGreaterThan(0);
      const api = podSpecs(find('Deployment', 'guichet-api'))[0]!;
      expect(api.terminationGracePeriodSeconds as number).toBeGreaterThanOrEqual(grace + 20);
      // The readiness probe sees the 503 well within the grace period.
      const readiness = container('guichet-api').readinessProbe as {
        periodSeconds: number;
        failureThreshold: number;
      };
      expect(readiness.periodSeconds * readiness.failureThreshold).toBeLessThan(grace);
      const worker = podSpecs(find('Deployment', 'guichet-worker'))[0]!;
      expect(worker.terminationGracePeriodSeconds as number).toBeGreaterThanOrEqual(60);
    });

    it('keeps API pods through a node drain and scales them on CPU', () => {
      const labels = ((find('Deployment', 'guichet-api').spec as Dict).template as Dict)
        .metadata as { labels: Record<string, string> };
      for (const selector of [
        (find('Service', 'guichet-api').spec as Dict).selector,
        ((find('PodDisruptionBudget', 'guichet-api').spec as Dict).selector as Dict).matchLabels,
      ] as Record<string, string>[])
        expect(labels.labels).toMatchObject(selector);
      const hpa = find('HorizontalPodAutoscaler', 'guichet-api').spec as {
        scaleTargetRef: { kind: string; name: string };
        minReplicas: number;
      };
      find(hpa.scaleTargetRef.kind, hpa.scaleTargetRef.name);
      expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    });

    it('runs the migrations as a Job before the rollout', () => {
      const job = find('Job', 'guichet-migrate');
      expect(job.metadata.annotations).toMatchObject({ 'argocd.argoproj.io/hook': 'PreSync' });
      // `kubectl apply -k … -l guichet.io/phase=pre-rollout` applies the Job and what it reads.
      for (const r of [job, find('ConfigMap', 'guichet-config'), find('Secret', 'guichet-secrets')])
        expect(r.metadata.labels?.['guichet.io/phase']).toBe('pre-rollout');
      for (const r of resources.filter((x) => x.kind === 'Deployment'))
        expect(r.metadata.labels?.['guichet.io/phase']).toBeUndefined();
    });

    it('requests the memory measured at rest and allows the peak under load', () => {
      for (const [deployment, measured] of [
        ['guichet-api', MEASURED_MIB.api],
        ['guichet-worker', MEASURED_MIB.worker],
      ] as const) {
        const { requests, limits } = container(deployment).resources;
        expect(mib(requests.memory)).toBeGreaterThanOrEqual(measured.rest);
        expect(mib(limits.memory)).toBeGreaterThanOrEqual(Math.ceil(measured.peak * 1.5));
      }
    });

    it('runs the images the Dockerfile builds, as its user', () => {
      const dockerfile = readFileSync(join(repo, 'infra/docker/Dockerfile'), 'utf8');
      for (const r of resources)
        for (const spec of podSpecs(r)) {
          expect((spec.securityContext as Dict).runAsUser).toBe(1000); // the image's `node` user
          for (const c of spec.containers as { image: string }[]) {
            const target = /guichet[-/](api|worker|migrate)/.exec(c.image)?.[1];
            expect(dockerfile).toMatch(new RegExp(`^FROM runtime AS ${target}$`, 'm'));
            if (name === 'production overlay') expect(c.image).toMatch(/:\d+\.\d+\.\d+$/);
          }
        }
    });
  });
}

describe('the checks can fail', () => {
  it('a schema violation is refused', () => {
    const api = render(join(k8s, 'base')).find((r) => key(r) === 'Deployment/guichet-api')!;
    const broken = structuredClone(api);
    ((podSpecs(broken)[0]!.containers as Dict[])[0]!.ports as Dict[])[0]!.containerPort = 'http';
    expect(() => validate(broken)).toThrow(/containerPort must be integer/);
  });

  it('a patch of a resource that does not exist is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-k8s-'));
    try {
      mkdirSync(join(dir, 'overlay'));
      writeFileSync(
        join(dir, 'overlay/kustomization.yaml'),
        `resources: [${JSON.stringify(join(k8s, 'base'))}]\npatches:\n  - path: p.yaml\n`,
      );
      writeFileSync(
        join(dir, 'overlay/p.yaml'),
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: guichet-apii\nspec:\n  replicas: 1\n',
      );
      expect(() => render(join(dir, 'overlay'))).toThrow(/targets Deployment\/guichet-apii/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
