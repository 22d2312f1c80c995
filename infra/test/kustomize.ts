// A small renderer of our kustomizations (kustomize itself is not installed here): the
// subset infra/k8s uses — resources (files and directories), namespace, labels, images and
// strategic-merge patches, lists of named items merged by name. A patch whose target is
// not among the resources is an error, as in kustomize.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

export type Dict = Record<string, unknown>;
export interface Resource extends Dict {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> } & Dict;
}

interface Kustomization {
  resources?: string[];
  namespace?: string;
  labels?: { pairs: Record<string, string> }[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string }[];
}

const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Strategic merge as kustomize does it for our files: maps deep, named lists by name, other lists replaced. */
export function merge(base: unknown, patch: unknown): unknown {
  if (isDict(base) && isDict(patch)) {
    const out: Dict = { ...base };
    for (const [key, value] of Object.entries(patch))
      out[key] = key in base ? merge(base[key], value) : value;
    return out;
  }
  if (Array.isArray(base) && Array.isArray(patch) && patch.every((p) => isDict(p) && 'name' in p)) {
    const out = base.map((item) => {
      const match = patch.find((p) => isDict(item) && (p as Dict).name === item.name);
      return match ? merge(item, match) : item;
    });
    for (const p of patch)
      if (!base.some((item) => isDict(item) && item.name === (p as Dict).name)) out.push(p);
    return out;
  }
  return patch;
}

export const key = (r: Pick<Resource, 'kind' | 'metadata'>) => `${r.kind}/${r.metadata.name}`;

function readResources(path: string): Resource[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => doc.toJS() as Resource | null)
    .filter((r): r is Resource => r !== null);
}

/** Every pod spec of a resource (Deployment, Job…). */
export function podSpecs(resource: Resource): Dict[] {
  const template = (resource.spec as Dict | undefined)?.template as Dict | undefined;
  return template && isDict(template.spec) ? [template.spec] : [];
}

export function render(dir: string): Resource[] {
  const k = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Kustomization;
  let resources: Resource[] = (k.resources ?? []).flatMap((entry) => {
    const path = resolve(dir, entry);
    return statSync(path).isDirectory() ? render(path) : readResources(path);
  });
  for (const { path } of k.patches ?? []) {
    for (const patch of readResources(join(dir, path))) {
      const i = resources.findIndex((r) => key(r) === key(patch));
      if (i === -1)
        throw new Error(`${dir}/${path}: the patch targets ${key(patch)}, not a resource`);
      resources[i] = merge(resources[i], patch) as Resource;
    }
  }
  resources = resources.map((r) => {
    const out = structuredClone(r);
    for (const { pairs } of k.labels ?? [])
      out.metadata.labels = { ...out.metadata.labels, ...pairs };
    if (k.namespace) out.metadata.namespace = k.namespace;
    for (const spec of podSpecs(out))
      for (const container of [
        ...((spec.containers as Dict[] | undefined) ?? []),
        ...((spec.initContainers as Dict[] | undefined) ?? []),
      ]) {
        const image = k.images?.find((i) => i.name === String(container.image).split(':')[0]);
        if (image)
          container.image = `${image.newName ?? image.name}${image.newTag ? `:${image.newTag}` : ''}`;
      }
    return out;
  });
  return resources;
}
