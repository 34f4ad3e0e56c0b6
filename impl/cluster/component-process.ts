// How a kubelab component runs inside its container: `node <project>/dist/impl/<component>/main.js`.
//
// In Kubernetes every component (API server, scheduler, controller manager, kubelet, kube-proxy)
// is its own process, usually in its own container. kubelab keeps that shape, but its images
// carry only runtimes (node, etcd, iptables, ip): the project folder is bind-mounted into each
// container at the same absolute path, so editing and rebuilding the code needs no new image,
// and V8 coverage written inside a container (NODE_V8_COVERAGE, set by c8) lands in the
// project where c8 finds it. Real Kubernetes: each component ships its own image, for example
// registry.k8s.io/kube-apiserver, started by kubeadm from a static pod manifest.
import path from 'node:path';
import type { GenericContainer } from 'testcontainers';
import { componentMain, PROJECT_DIR } from '../project-root.js';

/**
 * Make `container` run `component` from the bind-mounted project, with the coverage folder
 * passed through when the host process is being measured.
 */
export function runComponentProcess<T extends GenericContainer>(container: T, component: string): T {
  const mounts = [PROJECT_DIR];
  const coverageDir = process.env.NODE_V8_COVERAGE;
  if (coverageDir !== undefined) {
    container.withEnvironment({ NODE_V8_COVERAGE: coverageDir });
    if (!isInside(coverageDir, PROJECT_DIR)) mounts.push(coverageDir);
  }
  return container
    .withBindMounts(mounts.map((dir) => ({ source: dir, target: dir, mode: 'rw' as const })))
    .withCommand(['node', componentMain(component)]);
}

function isInside(candidate: string, dir: string): boolean {
  const relative = path.relative(dir, path.resolve(candidate));
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
