// The kubelet's entry: one per real node, a plain process in the node's container, which the
// node's init starts (node-init/main.ts) after the container runtime, and again if it exits.
// Real Kubernetes: cmd/kubelet (run by systemd on the node, not as a pod).
import os from 'node:os';
import { runComponent } from '../client/component.js';
import { booleanSetting, countSetting, secondsSetting, stringSetting } from '../client/settings.js';
import { RuntimeSocket } from './cri/runtime-wire.js';
import { Kubelet } from './kubelet.js';

// What `ps` and `pkill kubelet` in the node see: the kubelet, not "node".
process.title = 'kubelet';

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
  runtimeSocket: stringSetting('CONTAINER_RUNTIME_ENDPOINT', RuntimeSocket, "the container runtime's socket"),
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
      // Start over: the node's init starts a new kubelet, which reads the runtime's state anew.
      onRuntimeLost: () => process.exit(1),
    }).run(signal),
});
// Stopped (SIGTERM): exit now, though probe timers and back-offs would keep the event loop
// alive. The pods run on: they are the runtime's, which outlives the kubelet, as containerd does.
process.exit(0);
