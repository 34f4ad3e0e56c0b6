// The kubelet's entry: one per real node, a plain process in the node's container.
// Real Kubernetes: cmd/kubelet (run by systemd on the node, not as a pod).
import os from 'node:os';
import { runComponent } from '../client/component.js';
import { booleanSetting, countSetting, secondsSetting, stringSetting } from '../client/settings.js';
import { Kubelet } from './kubelet.js';

const settings = {
  nodeName: stringSetting('NODE_NAME', os.hostname(), "the Node's name (--hostname-override)"),
  controlPlane: booleanSetting(
    'CONTROL_PLANE_NODE',
    false,
    'label and taint the node as kubeadm does a control-plane node',
  ),
  cpu: stringSetting('NODE_CPU', '', "the CPUs to report (the machine's when empty)"),
  memory: stringSetting('NODE_MEMORY', '', "the memory to report, as a quantity (the machine's when empty)"),
  statusUpdateMs: secondsSetting('NODE_STATUS_UPDATE_FREQUENCY_SECONDS', 10, 'how often the node status is computed'),
  statusReportMs: secondsSetting(
    'NODE_STATUS_REPORT_FREQUENCY_SECONDS',
    300,
    'how often an unchanged status is posted',
  ),
  leaseRenewMs: secondsSetting('LEASE_RENEW_INTERVAL_SECONDS', 10, "how often the node's Lease is renewed"),
  crashLoopInitialMs: secondsSetting('CRASH_LOOP_BACKOFF_INITIAL_SECONDS', 10, 'the first restart back-off'),
  crashLoopMaxMs: secondsSetting('CRASH_LOOP_BACKOFF_MAX_SECONDS', 300, 'the longest restart back-off'),
  imagePullInitialMs: secondsSetting('IMAGE_PULL_BACKOFF_INITIAL_SECONDS', 10, 'the first image pull back-off'),
  imagePullMaxMs: secondsSetting('IMAGE_PULL_BACKOFF_MAX_SECONDS', 300, 'the longest image pull back-off'),
  logDir: stringSetting('POD_LOG_DIR', '/var/log/pods', 'where container logs are written'),
  workers: countSetting('WORKERS', 4, 'how many pods it syncs at once'),
  staticPodPath: stringSetting('STATIC_POD_PATH', '/etc/kubernetes/manifests', 'the folder of static pod manifests'),
  fileCheckMs: secondsSetting('FILE_CHECK_FREQUENCY_SECONDS', 20, 'how often the manifest folder is read anyway'),
};

await runComponent({
  name: 'kubelet',
  userAgent: 'kubelet/v1.32.0 (linux/amd64) kubelab',
  settings,
  connections: 8,
  run: ({ client, logger, settings, signal }) =>
    new Kubelet(client, logger, {
      ...settings,
      cpu: settings.cpu || undefined,
      memory: settings.memory || undefined,
    }).run(signal),
});
// Stopped (SIGTERM): exit now. The pods' processes, probe timers and back-offs would keep the
// event loop alive until the engine's SIGKILL; as the node container's first process, our exit
// ends them all, as shutting a machine down does. The real kubelet exits too, and leaves its
// containers to the runtime, which outlives it (kubelab's runtime lives in this process).
process.exit(0);
