// The image `kubelab/crasher`: runs for a while, then crashes (exit code 1), every time.
//
// Restarted again and again, it is what a CrashLoopBackOff looks like: the kubelet waits
// longer before each restart. Its first argument is the seconds it runs (2 by default).
// Real Kubernetes: any container that keeps failing; e2e tests use busybox `sh -c "exit 1"`.

const seconds = Number(process.argv[2] ?? 2);
console.log(`crasher: up, crashing in ${seconds} s`);
setTimeout(() => {
  console.error('crasher: crashing now');
  process.exit(1);
}, seconds * 1000);
