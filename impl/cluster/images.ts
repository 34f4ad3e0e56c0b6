// One image for every kubelab container: this machine's own node, etcd, iptables and ip.
//
// A Kubernetes node pulls each container's image from a registry. The machines kubelab runs on
// cannot pull anything, so kubelab builds its single runtime image locally from the host's own
// binaries (scripts/build-rootfs.sh), with a `FROM scratch` build through the engine's Docker
// API. The tag is a content key: a hash of the build script and of every input file's path,
// size and mtime, so the image is rebuilt only when an input changes. kubelab's code is not in
// the image; it is bind-mounted (component-process.ts).
// Real Kubernetes: the kubelet's image manager pulls images (pkg/kubelet/images).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type ContainerRuntimeClient, GenericContainer, ImageName } from 'testcontainers';
import type { Logger } from '../client/logger.js';
import { PROJECT_DIR } from '../project-root.js';
import { containerEngine } from './container-engine.js';

const RUNTIME_IMAGE_REPOSITORY = 'kubelab/runtime';
const BUILD_SCRIPT = path.join(PROJECT_DIR, 'scripts', 'build-rootfs.sh');
const KEY_LENGTH = 16;

const execFileAsync = promisify(execFile);

/** The runtime image's name, built first if this machine does not have it yet. */
export async function ensureRuntimeImage(logger?: Logger): Promise<string> {
  const image = `${RUNTIME_IMAGE_REPOSITORY}:${await runtimeImageKey()}`;
  const engine = await containerEngine();
  if (!(await engine.image.exists(ImageName.fromString(image)))) {
    const startedAt = performance.now();
    logger?.info("building the runtime image from this machine's binaries", { image });
    await buildRuntimeImage(image);
    logger?.info('built the runtime image', {
      image,
      seconds: Number(((performance.now() - startedAt) / 1000).toFixed(1)),
    });
    await removeOlderRuntimeImages(engine, image, logger);
  }
  return image;
}

/** The content key: changes whenever the build script or any file it copies changes. */
export async function runtimeImageKey(): Promise<string> {
  const [script, inputs] = await Promise.all([readFile(BUILD_SCRIPT), runBuildScript(['--inputs'])]);
  return createHash('sha256').update(script).update(inputs).digest('hex').slice(0, KEY_LENGTH);
}

async function buildRuntimeImage(image: string): Promise<void> {
  const contextDir = await mkdtemp(path.join(os.tmpdir(), 'kubelab-image-'));
  try {
    await runBuildScript([contextDir]);
    await GenericContainer.fromDockerfile(contextDir).build(image, { deleteOnExit: false });
  } finally {
    await rm(contextDir, { recursive: true, force: true });
  }
}

// An older runtime image is only disk: untag it (the engine frees its layers once no tag or
// container uses them), unless a container still runs it.
async function removeOlderRuntimeImages(
  engine: ContainerRuntimeClient,
  current: string,
  logger: Logger | undefined,
): Promise<void> {
  const docker = engine.container.dockerode;
  const tags = (await docker.listImages()).flatMap((image) => image.RepoTags ?? []);
  for (const tag of tags.filter((tag) => tag.includes(`${RUNTIME_IMAGE_REPOSITORY}:`) && !tag.endsWith(current))) {
    await docker
      .getImage(tag)
      .remove()
      .then(
        () => logger?.info('removed an older runtime image', { tag }),
        (error: unknown) => logger?.info('kept an older runtime image', { tag, reason: String(error) }),
      );
  }
}

async function runBuildScript(args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('bash', [BUILD_SCRIPT, ...args], {
      env: { ...process.env, NODE_BINARY: process.execPath },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(
      `ensureRuntimeImage: bash ${BUILD_SCRIPT} ${args.join(' ')} failed: ${stderr.trim() || String(error)}`,
    );
  }
}
